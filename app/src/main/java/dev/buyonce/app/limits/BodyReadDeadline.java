package dev.buyonce.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.app.web.BodySizeLimit;
import dev.buyonce.app.web.Problems;
import dev.buyonce.kernel.ErrorCode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body must arrive within the read deadline, and while it arrives it holds no worker thread.
 * A body that is already there when the request starts (it came with the headers, as almost every body
 * does) is read at once, without waiting. Any other body is read with the servlet's non-blocking I/O (a {@link ReadListener}): the container thread goes
 * back to the pool at once and is lent again only when bytes come in. Once all of it is there the request is
 * dispatched again, with the body in memory (it is at most 256 KiB, {@code BodySizeLimit}). A body still
 * incomplete at the deadline is answered 408 REQUEST_TIMEOUT and the connection closed (Tomcat closes it
 * after every 408). Runs after the security chain, so a refused caller's body is never read at all.
 * The NDJSON purchase import (admin only) streams bodies of any size and is exempt.
 */
final class BodyReadDeadline extends OncePerRequestFilter {
    private static final String EXEMPT = "/api/admin/imports/purchases";
    private final Duration deadline;
    private final ObjectMapper mapper;

    BodyReadDeadline(Duration deadline, ObjectMapper mapper) {
        this.deadline = deadline;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!body || !request.isAsyncSupported() || EXEMPT.equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > 0 && length <= BodySizeLimit.LIMIT && request.getInputStream().available() >= length) {
            // the whole body came with the headers (as almost every body does): read it now, nothing can block
            ReadBodyRequest arrived = new ReadBodyRequest(request);
            arrived.complete(request.getInputStream().readNBytes((int) length));
            chain.doFilter(arrived, response);
            return;
        }
        ReadBody reading = new ReadBody(request);
        AsyncContext async = request.startAsync(reading.request, response);
        async.setTimeout(deadline.toMillis());
        reading.start(async, response);
    }

    /** One body being read; exactly one of "dispatch with the body" and "answer 408" happens. */
    private final class ReadBody implements ReadListener, AsyncListener {
        private final ServletInputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean settled = new AtomicBoolean();
        private final ReadBodyRequest request;
        private AsyncContext async;
        private HttpServletResponse response;

        ReadBody(HttpServletRequest original) throws IOException {
            this.in = original.getInputStream();
            this.request = new ReadBodyRequest(original);
        }

        void start(AsyncContext async, HttpServletResponse response) {
            this.async = async;
            this.response = response;
            async.addListener(this);
            in.setReadListener(this);
        }

        @Override
        public void onDataAvailable() {
            try {
                while (in.isReady() && !in.isFinished()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        break;
                    }
                    received.write(chunk, 0, n);
                }
            } catch (IOException failed) {
                // e.g. the body passed the size limit: the endpoint meets the same failure and answers as usual
                request.failWith(failed);
                dispatch();
            }
        }

        @Override
        public void onAllDataRead() {
            request.complete(received.toByteArray());
            dispatch();
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away (or the read failed): nobody is left to answer
            if (settled.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (settled.compareAndSet(false, true)) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
                Problems.write(mapper, response, ErrorCode.REQUEST_TIMEOUT,
                        "the request body did not arrive within " + deadline.toMillis() + " ms");
                async.complete();
            }
        }

        private void dispatch() {
            if (settled.compareAndSet(false, true)) {
                async.dispatch();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
