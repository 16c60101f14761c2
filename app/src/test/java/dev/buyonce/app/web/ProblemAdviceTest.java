package dev.buyonce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.CapturedLog;
import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;

/** What the last-resort handler does when there is no one to answer, or the answer has begun. */
class ProblemAdviceTest {
    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aFailedWriteIntoAStreamIsAClientThatHungUpNeitherAnsweredNorLoggedAsAFailure() {
        try (CapturedLog log = CapturedLog.start()) {
            assertThat(advice.unexpected(new IOException("Broken pipe"), streaming())).isNull();

            assertThat(log.errorsAndStackTraces()).isEmpty();
        }
    }

    /** The driver's cause reads like a hang-up ("Connection reset"): still the database, still a 503 problem. */
    @Test
    void theDatabaseResettingItsConnectionIsA503ProblemNotAnEmptyAnswer() {
        var reset = new DataAccessResourceFailureException("could not execute statement", new SQLException(
                "An I/O error occurred while sending to the backend.", "08006", new SocketException("Connection reset")));

        var answer = advice.unexpected(reset, new MockHttpServletResponse());

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
    }

    @Test
    void aTransactionWhoseRollbackMetTheClosedConnectionIsA503Problem() {
        // a read-only JPA transaction lost its connection; the pool closed it; the rollback then failed on it
        var rollback = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));

        var answer = advice.unexpected(rollback, new MockHttpServletResponse());

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        try (CapturedLog log = CapturedLog.start()) {
            var other = new JpaSystemException(new RuntimeException(new SQLException("Connection refused by policy")));
            assertThat(advice.unexpected(other, new MockHttpServletResponse()).getStatusCode().value())
                    .as("another SQL failure stays a defect").isEqualTo(500);
            assertThat(log.errorsAndStackTraces()).hasSize(1);
        }
    }

    @Test
    void aDefectAfterTheAnswerBeganIsLoggedOnceAndNotWrittenIntoTheStream() {
        try (CapturedLog log = CapturedLog.start()) {
            assertThat(advice.unexpected(new IllegalStateException("defect"), streaming())).isNull();

            assertThat(log.errorsAndStackTraces()).containsExactly(
                    "ERROR dev.buyonce.app.web.ProblemAdvice: unexpected failure [java.lang.IllegalStateException: defect]");
        }
    }

    @Test
    void aDefectBeforeTheAnswerBeganIsA500Problem() {
        try (CapturedLog log = CapturedLog.start()) {
            var answer = advice.unexpected(new IllegalStateException("defect"), new MockHttpServletResponse());

            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
            assertThat(log.errorsAndStackTraces()).hasSize(1);
        }
    }

    /** A response whose answer has begun, as a stream's has. */
    private static MockHttpServletResponse streaming() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCommitted(true);
        return response;
    }
}
