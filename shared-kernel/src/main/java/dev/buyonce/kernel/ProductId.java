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

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
