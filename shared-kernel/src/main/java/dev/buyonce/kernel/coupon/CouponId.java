package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.DeterministicIds;
import java.util.Optional;
import java.util.regex.Pattern;

/** A coupon as the API names it: 1–64 of {@code [A-Za-z0-9_-]}. */
public record CouponId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CouponId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("coupon id must be 1-64 of [A-Za-z0-9_-]");
        }
    }

    /**
     * The identifier of the Coupon aggregate: a name-based UUID of ("coupon", id), an id space of its own, so no
     * product, program or order id a client sends can name a coupon, nor a coupon id anything else.
     */
    public String aggregateId() {
        return DeterministicIds.of("coupon", value).toString();
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The id in a path segment, or empty when it has not the shape of one (which then names no coupon). */
    public static Optional<CouponId> parse(String text) {
        return isValid(text) ? Optional.of(new CouponId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
