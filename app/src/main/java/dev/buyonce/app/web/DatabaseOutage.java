package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach for a moment (a restart, a fail-over, no pooled connection in time) is no defect and
 * no client's doing: the request is answered 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, and logged
 * in one WARN line. {@link ProblemAdvice} answers so for the controllers; this filter for what runs before them
 * (the unpaid-order cap reads the database).
 */
class DatabaseOutage extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    static final String DETAIL = "the database cannot be reached for a moment; retry shortly";
    /**
     * What HikariCP's stand-in for a connection it closed (because the connection broke) answers. A transaction
     * whose statement lost the connection meets it when it rolls back, and that failure replaces the statement's.
     */
    static final String CLOSED_BY_POOL = "Connection is closed";
    private final ObjectMapper mapper;

    DatabaseOutage(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable unreachable = cause(e);
            if (unreachable == null || response.isCommitted()) {
                throw e;
            }
            answer(response, unreachable);
        }
    }

    private void answer(HttpServletResponse response, Throwable unreachable) throws IOException {
        logged(unreachable);
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(mapper, response, ErrorCode.SERVICE_UNAVAILABLE, DETAIL);
    }

    static void logged(Throwable unreachable) {
        log.warn("database unavailable, answered 503: {}", unreachable.toString());
    }

    /**
     * The cause that says the database could not be reached, if one does: no pooled connection in time, a
     * connection refused or lost (SQLSTATE class 08, or the pool's closed stand-in for a lost one), or the server
     * shutting down or starting (57P01–57P03).
     */
    static Throwable cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
                return t;
            }
        }
        return null;
    }
}
