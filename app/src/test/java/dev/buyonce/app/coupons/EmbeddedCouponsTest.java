package dev.buyonce.app.coupons;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same coupon rules on the embedded default (H2), including after a restart on the same data directory. */
class EmbeddedCouponsTest {

    @Test
    void claimCheckoutAndCancelOnTheEmbeddedDatabaseSurviveARestart(@TempDir Path dataDir) {
        String token = Tokens.user("embedded-saver");
        String coupon;
        String claimId;
        try (BuyOnceNode node = BuyOnceNode.embedded(dataDir.toString(), Map.of("buyonce.demo.catalog", "false"))) {
            Api api = node.api();
            TestCatalog.define(api);
            coupon = Coupons.define(api, "embedded", Coupons.fixed("1.00"), 2);

            Api.Response claimed = Coupons.claim(api, token, coupon, "c");
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(201);
            claimId = claimed.json().path("claimId").asText();
            assertThat(Coupons.claim(api, token, coupon, "c").status()).isEqualTo(200);
            assertThat(Coupons.claim(api, token, coupon, "other").code()).isEqualTo("COUPON_ALREADY_CLAIMED");
            assertThat(Coupons.claim(api, Tokens.user("embedded-2"), coupon, "c").status()).isEqualTo(201);
            assertThat(Coupons.claim(api, Tokens.user("embedded-3"), coupon, "c").code()).isEqualTo("COUPON_SOLD_OUT");
            assertThat(Coupons.claim(api, token, "no-such-coupon", "g").code()).isEqualTo("COUPON_NOT_FOUND");

            Api.Response order = api.placeOrder(token, "o1", Coupons.orderWithCoupon(COFFEE, 1, coupon));
            assertThat(order.status()).as(order.text()).isEqualTo(201);
            assertThat(order.json().path("total").path("amount").asText()).isEqualTo("8.90");
            assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("USED");
            api.post("/api/orders/" + order.json().path("orderId").asText() + "/cancel", token, "");
            assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("CLAIMED");
        }
        try (BuyOnceNode restarted = BuyOnceNode.embedded(dataDir.toString(), Map.of("buyonce.demo.catalog", "false"))) {
            Api api = restarted.api();
            assertThat(Coupons.claim(api, token, coupon, "c").json().path("claimId").asText()).isEqualTo(claimId);
            assertThat(Coupons.claim(api, Tokens.user("embedded-4"), coupon, "c").code()).isEqualTo("COUPON_SOLD_OUT");
            assertThat(Coupons.mine(api, token)).hasSize(1);
            assertThat(api.get("/api/coupons", token).json().findValuesAsText("id")).isEqualTo(List.of(coupon));
            assertThat(api.get("/api/coupons", token).json().get(0).path("remaining").asInt()).isZero();
        }
    }
}
