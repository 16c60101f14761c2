package dev.buyonce.kernel;

import java.util.regex.Pattern;

/** A catalog product: 1–64 characters, a letter or digit first, then letters, digits, '.', '_' or '-'. */
public record ProductId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ProductId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("product id must be 1-64 of [A-Za-z0-9._-], starting with a letter or digit");
        }
    }

    /**
     * The identifier of the Product aggregate: a name-based UUID of ("product", id), so that a product's stream
     * lives in its own id space and no other aggregate (a program of the same name, an order whose UUID someone
     * chose as a product id) can be loaded as a product, or a product as anything else.
     */
    public String aggregateId() {
        return DeterministicIds.of("product", value).toString();
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
