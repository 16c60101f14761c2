package dev.buyonce.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request a client made in a run and what it was answered, recorded as it happens from any number of
 * threads. A request that got no answer (a connection reset, a node killed under it) is recorded with status 0:
 * it may or may not have taken effect, and the checker treats it as such.
 */
public final class History {

    /**
     * One request and its answer.
     *
     * @param kind     what was asked, e.g. {@code place-order}, {@code pay}, {@code claim-coupon}
     * @param user     the caller's user id
     * @param key      the Idempotency-Key sent, or null
     * @param status   the HTTP status, 0 when no answer arrived
     * @param answer   the answer's body, or the failure's text when none arrived
     * @param started  when the request was sent
     * @param finished when its answer (or failure) arrived
     */
    public record Op(String kind, String user, String key, int status, String answer, Instant started, Instant finished) {

        public boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    public void record(Op op) {
        ops.add(op);
    }

    public List<Op> ops() {
        return new ArrayList<>(ops);
    }

    public long count(String kind) {
        return ops.stream().filter(op -> op.kind().equals(kind)).count();
    }

    public long acknowledged(String kind) {
        return ops.stream().filter(op -> op.kind().equals(kind) && op.acknowledged()).count();
    }
}
