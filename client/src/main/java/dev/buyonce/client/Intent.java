package dev.buyonce.client;

import java.util.function.Function;

/**
 * One intent to create something (an order, a payment, a coupon claim), holding the Idempotency-Key made for it
 * once. Every {@link #submit()}, and every retry inside one, sends that same key, so the service creates the
 * thing at most once however often the intent is sent: a repeat answers {@code duplicated=true}. Keep
 * {@link #idempotencyKey()} with the intent (a client restarting rebuilds it with the same key).
 */
public final class Intent<T> {
    private final String key;
    private final Function<String, Outcome<T>> send;

    Intent(String key, Function<String, Outcome<T>> send) {
        if (key == null || key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("an Idempotency-Key is 1-255 visible ASCII characters");
        }
        this.key = key;
        this.send = send;
    }

    public String idempotencyKey() {
        return key;
    }

    /** Sends the intent (with bounded retries); safe to call again after any failure. */
    public Outcome<T> submit() {
        return send.apply(key);
    }
}
