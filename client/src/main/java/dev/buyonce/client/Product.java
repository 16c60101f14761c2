package dev.buyonce.client;

/** A catalog entry; {@code kind} is PERMANENT (bought once, owned for good) or CONSUMABLE. */
public record Product(String id, String name, String kind, Money price) {
}
