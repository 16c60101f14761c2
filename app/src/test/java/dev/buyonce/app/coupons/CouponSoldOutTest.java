package dev.buyonce.app.coupons;

import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Tokens;
import dev.buyonce.kernel.coupon.ClaimCoupon;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sold-out coupon, end to end on PostgreSQL: a new claim is SOLD_OUT without a unit of work, while the users who
 * hold a claim, or sent a key before, are answered by the unit of work exactly as before the sell-out.
 */
class CouponSoldOutTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @Test
    void afterTheSellOutANewUserIsSoldOutWithoutAUnitOfWorkAndWinnersAreAnsweredAsBefore() {
        String coupon = Coupons.define(api, "sell-out", Coupons.PERCENT_10, 3);
        String other = Coupons.define(api, "sell-out-other", Coupons.PERCENT_10, 10);
        List<String> winners = new ArrayList<>();
        List<String> claimIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = Tokens.user(newUser("winner"));
            Api.Response claimed = Coupons.claim(api, token, coupon, "win");
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(201);
            winners.add(token);
            claimIds.add(claimed.json().path("claimId").asText());
        }
        String keyOwner = Tokens.user(newUser("key-owner"));
        assertThat(Coupons.claim(api, keyOwner, other, "shared").status()).isEqualTo(201);
        // the first SOLD_OUT answer is given once this node knows every bucket empty
        Api.Response first = Coupons.claim(api, Tokens.user(newUser("first-late")), coupon, "late");
        assertThat(first.code()).as(first.text()).isEqualTo("COUPON_SOLD_OUT");

        AtomicInteger unitsOfWork = new AtomicInteger();
        Registration counting = node.bean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ClaimCoupon claim && claim.couponId().value().equals(coupon)) {
                unitsOfWork.incrementAndGet();
            }
            return chain.proceed();
        });
        try {
            for (int i = 0; i < 20; i++) {
                Api.Response late = Coupons.claim(api, Tokens.user(newUser("late")), coupon, "late");
                assertThat(late.status()).as(late.text()).isEqualTo(409);
                assertThat(late.code()).isEqualTo("COUPON_SOLD_OUT");
                assertThat(late.json().path("couponId").asText()).isEqualTo(coupon);
            }
            assertThat(unitsOfWork.get()).as("units of work for 20 SOLD_OUT answers").isZero();

            Api.Response replay = Coupons.claim(api, winners.get(0), coupon, "win");
            assertThat(replay.status()).as(replay.text()).isEqualTo(200);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.json().path("claimId").asText()).isEqualTo(claimIds.get(0));
            assertThat(replay.json().path("status").asText()).isEqualTo("CLAIMED");

            Api.Response otherKey = Coupons.claim(api, winners.get(1), coupon, "second-click");
            assertThat(otherKey.status()).as(otherKey.text()).isEqualTo(409);
            assertThat(otherKey.code()).isEqualTo("COUPON_ALREADY_CLAIMED");
            assertThat(otherKey.json().path("claimId").asText()).isEqualTo(claimIds.get(1));

            Api.Response reusedKey = Coupons.claim(api, keyOwner, coupon, "shared");
            assertThat(reusedKey.status()).as(reusedKey.text()).isEqualTo(422);
            assertThat(reusedKey.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

            assertThat(unitsOfWork.get()).as("one unit of work each for the replay, the other key, the reused key")
                    .isEqualTo(3);
        } finally {
            counting.cancel();
        }
        assertThat(node.countEvents("CouponClaimed", "\"couponId\":\"" + coupon + "\"")).isEqualTo(3);
        assertThat(node.countEvents("ClaimKeyRecorded", "\"couponId\":\"" + coupon + "\"")).as("keys recorded").isEqualTo(3);
        assertThat(Coupons.mineOf(api, winners.get(2), coupon).path("claimId").asText()).isEqualTo(claimIds.get(2));
    }
}
