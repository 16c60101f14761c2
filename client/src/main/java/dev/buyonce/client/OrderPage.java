package dev.buyonce.client;

import java.util.List;

/** One page of the caller's orders, newest first. */
public record OrderPage(List<Order> items, int page, int size, long total) {
}
