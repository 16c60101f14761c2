package dev.buyonce.kernel;

import java.util.regex.Pattern;

/** The authenticated caller: the JWT {@code sub}, 1–64 of {@code [A-Za-z0-9_-]}. */
public record UserId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public UserId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("user id must be 1-64 of [A-Za-z0-9_-]");
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
