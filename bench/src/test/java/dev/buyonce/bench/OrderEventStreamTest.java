package dev.buyonce.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderEventStreamTest {
    private final OrderEventStream stream = new OrderEventStream();

    private static long inOneSecond() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    }

    private void send(String... lines) {
        for (String line : lines) {
            stream.onNext(line);
        }
    }

    @Test
    void readsOrderEventsAsSpringWritesThemAndSkipsKeepAlives() throws Exception {
        send("event:order", "data:{\"orderId\":\"o-1\",\"status\":\"AWAITING_PAYMENT\"}", "",
                ":keep-alive", "",
                "event: order", "data: {\"orderId\":\"o-1\",\"status\":\"CANCELLED\"}", "");

        assertEquals("AWAITING_PAYMENT", stream.nextOrder(null, inOneSecond()).order().path("status").asText());
        OrderEventStream.Event cancelled = stream.nextOrder(null, inOneSecond());
        assertEquals("CANCELLED", cancelled.order().path("status").asText());
        assertEquals("order", cancelled.name());
    }

    @Test
    void waitsForTheStatusAskedForPastOtherEvents() throws Exception {
        send("event:order", "data:{\"status\":\"AWAITING_PAYMENT\"}", "",
                "data:{\"status\":\"CANCELLED\"}", "",
                "event:order", "data:{\"status\":\"CANCELLED\"}", "");

        OrderEventStream.Event event = stream.nextOrder("CANCELLED", inOneSecond());

        assertEquals("order", event.name());
        assertNull(stream.nextOrder(null, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)));
    }

    @Test
    void aStreamThatEndsAnswersNothingWithoutWaitingForTheDeadline() throws Exception {
        send("{\"status\":404,\"code\":\"ORDER_NOT_FOUND\"}");
        stream.onComplete();
        long start = System.nanoTime();

        assertNull(stream.nextOrder(null, System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        assertEquals(0, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }
}
