package dev.buyonce.query.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How a stream ends when writing to it fails: quietly for a client gone, with an ERROR for a defect. */
class OrderEventsControllerTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OrderEventsController.class);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final DefaultSubscriptionQueryResult<Object, Object> subscription =
            new DefaultSubscriptionQueryResult<>(Mono.empty(), Flux.empty(), () -> {
                cancelled.set(true);
                return true;
            });
    private final SseEmitter emitter = new SseEmitter();

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    @Test
    void aClientGoneEndsTheStreamAndIsNotLogged() {
        OrderEventsController.ended(emitter, subscription, new IOException("Broken pipe"));
        OrderEventsController.ended(emitter, subscription, new IllegalStateException("ResponseBodyEmitter has already completed"));

        assertThat(cancelled).isTrue();
        assertEnded();
        assertThat(log.list).isEmpty();
    }

    @Test
    void aViewThatCouldNotBeWrittenEndsTheStreamAndIsLoggedAsADefect() {
        OrderEventsController.ended(emitter, subscription,
                new IllegalStateException("Failed to send", new HttpMessageNotWritableException("no converter")));

        assertThat(cancelled).isTrue();
        assertEnded();
        assertThat(log.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy().getCause().getClassName()).isEqualTo(HttpMessageNotWritableException.class.getName());
        });
    }

    private void assertEnded() {
        assertThatThrownBy(() -> emitter.send("more")).isInstanceOf(IllegalStateException.class).hasMessageContaining("completed");
    }
}
