package dev.buyonce.kernel.order;

import java.util.Optional;

/**
 * Where the command side finds an order already placed, to answer a repeated request (the same Idempotency-Key)
 * without taking the order's lock. The query side implements it with the order view, which is written in the
 * placing command's own transaction: an order is in it exactly when its {@code OrderPlaced} is committed, and its
 * row shows the order as of the last committed change.
 */
public interface PlacedOrders {

    /**
     * The order with this id as the order view shows it, with the fingerprint of the request that placed it; empty
     * if there is no such order yet, or if its row predates recorded fingerprints (then only the order can tell).
     */
    Optional<Placed> findPlaced(OrderId orderId);

    record Placed(OrderView order, String requestFingerprint) {
    }
}
