package dev.buyonce.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

/** The payload types a rebuild reads for a view: those its replayed handlers take, not a catch-all that skips replays. */
class ReplayedTypesTest {

    static class Strings {
        @EventHandler
        void on(String event) {
        }
    }

    @DisallowReplay
    static class LiveOnlyCatchAll {
        @EventHandler
        void on(Object event) {
        }
    }

    static class CatchAll {
        @EventHandler
        void on(Object event) {
        }
    }

    @Test
    void aCatchAllThatSkipsReplaysDoesNotWidenTheRead() {
        Predicate<Class<?>> wanted = ProjectionReplays.replayedTypes(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Strings(), new LiveOnlyCatchAll()).build());

        assertThat(wanted.test(String.class)).isTrue();
        assertThat(wanted.test(Integer.class)).isFalse();
    }

    /** Axon's configuration hands each processing group a MultiEventHandlerInvoker around the simple one. */
    @Test
    void theSameHoldsThroughAMultiInvoker() {
        Predicate<Class<?>> wanted = ProjectionReplays.replayedTypes(new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Strings(), new LiveOnlyCatchAll()).build()));

        assertThat(wanted.test(String.class)).isTrue();
        assertThat(wanted.test(Integer.class)).isFalse();
    }

    @Test
    void aCatchAllThatIsReplayedTakesEveryType() {
        Predicate<Class<?>> wanted = ProjectionReplays.replayedTypes(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Strings(), new CatchAll()).build());

        assertThat(wanted.test(Integer.class)).isTrue();
    }
}
