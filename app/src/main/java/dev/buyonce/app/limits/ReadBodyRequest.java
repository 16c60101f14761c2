package dev.buyonce.app.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The request as dispatched after {@link BodyReadDeadline} read its body: the body comes from memory. */
final class ReadBodyRequest extends HttpServletRequestWrapper {
    private volatile byte[] body;
    private volatile IOException failure;
    private ServletInputStream stream;

    ReadBodyRequest(HttpServletRequest request) {
        super(request);
    }

    void complete(byte[] received) {
        this.body = received;
    }

    void failWith(IOException failed) {
        this.failure = failed;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (stream == null) {
            stream = inMemory(new ByteArrayInputStream(body == null ? new byte[0] : body));
        }
        return stream;
    }

    private static ServletInputStream inMemory(ByteArrayInputStream bytes) {
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body has already been read");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
