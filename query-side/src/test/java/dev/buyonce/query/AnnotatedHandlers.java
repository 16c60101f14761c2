package dev.buyonce.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.query.ProjectionTest.Stored;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Calls a projection's handler methods themselves, found as Axon finds them: {@code @EventHandler} methods by the
 * type of their first parameter, given the aggregate sequence number where a parameter is marked
 * {@code @SequenceNumber}; {@code @ResetHandler} methods as a replay starts. No processor, token or unit of work.
 */
final class AnnotatedHandlers {

    private AnnotatedHandlers() {
    }

    static void deliver(List<Object> projections, Stored stored) {
        int called = 0;
        for (Object projection : projections) {
            for (Method handler : annotated(projection, EventHandler.class)) {
                if (handler.getParameterTypes()[0].isInstance(stored.event())) {
                    invoke(projection, handler, arguments(handler, stored), stored);
                    called++;
                }
            }
        }
        assertThat(called).as("handlers of %s", stored).isPositive();
    }

    static void reset(List<Object> projections) {
        for (Object projection : projections) {
            for (Method handler : annotated(projection, ResetHandler.class)) {
                invoke(projection, handler, new Object[0], "the reset");
            }
        }
    }

    static boolean resettable(List<Object> projections) {
        return projections.stream().anyMatch(projection -> !annotated(projection, ResetHandler.class).isEmpty());
    }

    private static List<Method> annotated(Object projection, Class<? extends Annotation> annotation) {
        return Arrays.stream(projection.getClass().getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(annotation))
                .toList();
    }

    private static Object[] arguments(Method handler, Stored stored) {
        Object[] arguments = new Object[handler.getParameterCount()];
        arguments[0] = stored.event();
        for (int i = 1; i < arguments.length; i++) {
            if (!handler.getParameters()[i].isAnnotationPresent(SequenceNumber.class)) {
                throw new IllegalStateException(handler + ": no value for its parameter " + i + " in these tests");
            }
            arguments[i] = stored.sequence();
        }
        return arguments;
    }

    private static void invoke(Object projection, Method handler, Object[] arguments, Object what) {
        try {
            handler.setAccessible(true);
            handler.invoke(projection, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("handling " + what + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
