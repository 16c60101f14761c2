package dev.buyonce.kernel.order;

/** The order an intent placed; {@code duplicated} when this request repeated an earlier one. */
public record PlaceOrderResult(OrderView order, boolean duplicated) {
}
