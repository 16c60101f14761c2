package dev.buyonce.kernel.catalog;

/** What {@link DefineProduct} did: {@code CREATED}, or {@code UNCHANGED} for the same definition again. */
public enum ProductDefinition {
    CREATED,
    UNCHANGED
}
