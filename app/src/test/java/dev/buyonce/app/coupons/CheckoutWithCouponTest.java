package dev.buyonce.app.coupons;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.payments.Payments;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An order that names a coupon, through payment, cancellation and refund, end to end on PostgreSQL. */
class CheckoutWithCouponTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = Payments.node();
        api = node.api();
    }

    @Test
    void theOrderShowsTheDiscountAndTheClaimIsUsedByIt() {
        String coupon = Coupons.define(api, "five-off", Coupons.fixed("5.00"), 100);
        String token = Tokens.user(newUser("saver"));
        assertThat(Coupons.claim(api, token, coupon, "c").status()).isEqualTo(201);

        Api.Response placed = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 2, coupon));
        Api.Response replay = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 2, coupon));
        Api.Response withoutCoupon = api.placeOrder(token, "o1", TestCatalog.order(COFFEE, 2));

        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.json().path("couponId").asText()).isEqualTo(coupon);
        assertThat(placed.json().path("discount").path("amount").asText()).isEqualTo("5.00");
        assertThat(placed.json().path("total").path("amount").asText()).isEqualTo("14.80");
        String orderId = placed.json().path("orderId").asText();
        JsonNode read = api.get("/api/orders/" + orderId, token).json();
        assertThat(read.path("discount").path("amount").asText()).isEqualTo("5.00");
        assertThat(read.path("total").path("amount").asText()).isEqualTo("14.80");
        JsonNode claim = Coupons.mineOf(api, token, coupon);
        assertThat(claim.path("status").asText()).isEqualTo("USED");
        assertThat(claim.path("orderId").asText()).isEqualTo(orderId);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(replay.json().path("total").path("amount").asText()).isEqualTo("14.80");
        assertThat(withoutCoupon.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api.Response second = api.placeOrder(token, "o2", Coupons.orderWithCoupon(COFFEE, 1, coupon));
        assertThat(second.code()).isEqualTo("COUPON_ALREADY_USED");
        assertThat(second.json().path("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void aCouponNotClaimedOrNotApplicableFailsTheWholeOrder() {
        String small = Coupons.define(api, "too-big", Coupons.fixed("50.00"), 100);
        String unclaimed = Coupons.define(api, "unclaimed", Coupons.PERCENT_10, 100);
        String user = newUser("unlucky");
        String token = Tokens.user(user);
        assertThat(Coupons.claim(api, token, small, "c").status()).isEqualTo(201);

        Api.Response tooBig = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 1, small));
        Api.Response notClaimed = api.placeOrder(token, "o2", Coupons.orderWithCoupon(COFFEE, 1, unclaimed));
        Api.Response unknown = api.placeOrder(token, "o3", Coupons.orderWithCoupon(COFFEE, 1, "no-such-coupon"));

        assertThat(tooBig.code()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(notClaimed.code()).isEqualTo("COUPON_NOT_CLAIMED");
        assertThat(unknown.code()).isEqualTo("COUPON_NOT_CLAIMED");
        assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + user + "\"")).isZero();
        assertThat(Coupons.mineOf(api, token, small).path("status").asText()).isEqualTo("CLAIMED");
    }

    @Test
    void cancellingGivesTheClaimBackForTheNextOrder() {
        String coupon = Coupons.define(api, "ten", Coupons.PERCENT_10, 100);
        String token = Tokens.user(newUser("canceller"));
        assertThat(Coupons.claim(api, token, coupon, "c").status()).isEqualTo(201);
        String first = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 1, coupon)).json().path("orderId").asText();

        Api.Response cancelled = api.post("/api/orders/" + first + "/cancel", token, "");

        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("CLAIMED");
        assertThat(Coupons.mineOf(api, token, coupon).path("orderId").isNull()).isTrue();
        Api.Response next = api.placeOrder(token, "o2", Coupons.orderWithCoupon(COFFEE, 1, coupon));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        assertThat(next.json().path("total").path("amount").asText()).isEqualTo("8.91");
    }

    @Test
    void theDiscountedTotalIsChargedAPaidOrderKeepsTheClaimAndARefundDoesNotGiveItBack() {
        String coupon = Coupons.define(api, "paid", Coupons.fixed("1.90"), 100);
        String token = Tokens.user(newUser("payer"));
        assertThat(Coupons.claim(api, token, coupon, "c").status()).isEqualTo(201);
        String orderId = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 1, coupon)).json().path("orderId").asText();

        Api.Response payment = Payments.requestPayment(api, token, orderId, "p1", "sandbox-card");
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        assertThat(payment.json().path("amount").path("amount").asText()).isEqualTo("8.00");
        Payments.pay(api, payment.json().path("paymentId").asText(), "DELIVER", false);
        Payments.awaitOrderStatus(api, token, orderId, "PAID");
        assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("USED");

        Api.Response refund = api.post("/api/admin/orders/" + orderId + "/refund", Payments.ADMIN, "");
        assertThat(refund.status()).as(refund.text()).isEqualTo(202);
        Payments.awaitOrderStatus(api, token, orderId, "REFUNDED");
        assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("USED");
        JsonNode report = Eventually.await("reconciliation with the refund", Duration.ofSeconds(30), () -> Payments.reconciliation(api),
                r -> r.path("unexplained").isEmpty() && r.path("paidWithoutCapture").isEmpty());
        assertThat(report.path("ordersWithSeveralKeptCaptures")).isEmpty();
    }

    @Test
    void aClaimPastItsCouponsEndNoLongerApplies() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String coupon = Coupons.define(api, "short", Coupons.PERCENT_10, 10, now.minusSeconds(60), now.plusSeconds(2));
        String token = Tokens.user(newUser("late-shopper"));
        assertThat(Coupons.claim(api, token, coupon, "c").status()).isEqualTo(201);
        Eventually.await("the claim expired", Duration.ofSeconds(10),
                () -> Coupons.mineOf(api, token, coupon).path("status").asText(), "EXPIRED"::equals);

        Api.Response late = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 1, coupon));

        assertThat(late.code()).isEqualTo("COUPON_NOT_APPLICABLE");
    }
}
