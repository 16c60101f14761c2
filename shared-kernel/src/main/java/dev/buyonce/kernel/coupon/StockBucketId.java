package dev.buyonce.kernel.coupon;

import dev.buyonce.kernel.DeterministicIds;
import java.util.UUID;

/** One share of a coupon's stock, keyed by (coupon, bucket number): claims spread over several rows, not one. */
public record StockBucketId(UUID value) {

    public StockBucketId {
        if (value == null) {
            throw new IllegalArgumentException("stock bucket id is required");
        }
    }

    public static StockBucketId of(CouponId coupon, int bucket) {
        return new StockBucketId(DeterministicIds.of("coupon-stock", coupon.value(), Integer.toString(bucket)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
