package dev.buyonce.kernel.catalog;

/** PERMANENT products are owned once, forever; CONSUMABLE ones can be bought again and again. */
public enum ProductKind {
    PERMANENT,
    CONSUMABLE
}
