package dev.buyonce.bench;

/** Something that places an order for a client's user under an idempotency key: BuyOnce or a baseline. */
interface OrderTarget extends AutoCloseable {

    /** The answer: 201 created, 200 replayed, anything else a failure; and the order it names. */
    record Answer(int status, String orderId) {
    }

    String name();

    Answer place(int client, String key) throws Exception;

    static String user(int client) {
        return "bench-c%02d".formatted(client);
    }

    @Override
    default void close() throws Exception {
    }
}
