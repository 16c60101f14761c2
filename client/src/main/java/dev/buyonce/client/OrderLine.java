package dev.buyonce.client;

public record OrderLine(String productId, String kind, int quantity, Money unitPrice) {
}
