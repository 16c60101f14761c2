package dev.buyonce.query.coupon;

import dev.buyonce.kernel.coupon.CouponClaimed;
import dev.buyonce.kernel.coupon.CouponRedeemed;
import dev.buyonce.kernel.coupon.CouponReturned;
import dev.buyonce.query.UuidKeyedReplay;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coupon claims view's rebuild, set-based: a batch's claims read in one query, changed in memory by
 * {@link CouponClaimProjection}'s handlers, written back as one JDBC batch; an update only over a stored row that has
 * applied an older event (a command's transaction may have moved it on meanwhile).
 */
@Component
class ClaimReplayBatch extends UuidKeyedReplay<ClaimEntity> {

    ClaimReplayBatch(JdbcTemplate jdbc) {
        super(jdbc, "coupon_claim_view", "claim_id",
                List.of("coupon_id", "user_id", "bucket", "status", "order_id", "claimed_at", "valid_until"));
    }

    @Override
    public String view() {
        return CouponClaimProjection.GROUP;
    }

    @Override
    protected UUID keyOf(Object payload) {
        if (payload instanceof CouponClaimed claimed) {
            return claimed.claimId().value();
        } else if (payload instanceof CouponRedeemed redeemed) {
            return redeemed.claimId().value();
        } else if (payload instanceof CouponReturned returned) {
            return returned.claimId().value();
        }
        return null;
    }

    @Override
    protected ClaimEntity stored(ResultSet row) throws SQLException {
        ClaimEntity claim = new ClaimEntity(row.getObject("claim_id", UUID.class), row.getLong("last_sequence"));
        claim.couponId = row.getString("coupon_id");
        claim.userId = row.getString("user_id");
        claim.bucket = row.getInt("bucket");
        claim.status = row.getString("status");
        claim.orderId = row.getObject("order_id", UUID.class);
        claim.claimedAt = instant(row, "claimed_at");
        claim.validUntil = instant(row, "valid_until");
        return claim;
    }

    @Override
    protected void bind(PreparedStatement statement, ClaimEntity row) throws SQLException {
        statement.setString(1, row.couponId);
        statement.setString(2, row.userId);
        statement.setInt(3, row.bucket);
        statement.setString(4, row.status);
        statement.setObject(5, row.orderId);
        statement.setObject(6, utc(row.claimedAt));
        statement.setObject(7, utc(row.validUntil));
    }
}
