package dev.buyonce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.CapturedLog;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** What the last-resort handler does when there is no one to answer, or the answer has begun. */
class ProblemAdviceTest {
    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aClientThatHungUpIsNeitherAnsweredNorLoggedAsAFailure() {
        try (CapturedLog log = CapturedLog.start()) {
            assertThat(advice.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to write"),
                    new MockHttpServletResponse())).isNull();
            assertThat(advice.unexpected(new IOException("Broken pipe"), new MockHttpServletResponse())).isNull();

            assertThat(log.errorsAndStackTraces()).isEmpty();
        }
    }

    @Test
    void aDefectAfterTheAnswerBeganIsLoggedOnceAndNotWrittenIntoTheStream() {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.setCommitted(true);
        try (CapturedLog log = CapturedLog.start()) {
            assertThat(advice.unexpected(new IllegalStateException("defect"), streaming)).isNull();

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
}
