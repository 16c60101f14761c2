package dev.buyonce.kernel.order;

import dev.buyonce.kernel.UserId;

/** One order as its owner sees it; used as a subscription query for live updates. */
public record FindOrderQuery(OrderId orderId, UserId userId) {
}
