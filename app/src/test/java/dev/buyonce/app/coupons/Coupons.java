package dev.buyonce.app.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Coupons the end-to-end tests claim, defined through the admin API, and the calls around them. */
public final class Coupons {
    public static final String ADMIN = Tokens.admin("coupon-admin");
    public static final String PERCENT_10 = "{\"percent\":10}";

    private Coupons() {
    }

    public static String fixed(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"CNY\"}";
    }

    /** A coupon no other test uses, claimable from an hour ago for a day; its id. */
    public static String define(Api api, String prefix, String discount, int stock) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return define(api, prefix, discount, stock, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
    }

    public static String define(Api api, String prefix, String discount, int stock, Instant from, Instant until) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response defined = api.post("/api/admin/coupons", ADMIN, body(id, discount, stock, from, until));
        assertThat(defined.status()).as(defined.text()).isEqualTo(201);
        return id;
    }

    public static String body(String id, String discount, int stock, Instant from, Instant until) {
        return """
                {"id":"%s","name":"Coupon %s","discount":%s,"stock":%d,"validFrom":"%s","validUntil":"%s"}"""
                .formatted(id, id, discount, stock, from, until);
    }

    public static Api.Response claim(Api api, String token, String couponId, String key) {
        return api.call("POST", "/api/coupons/" + couponId + "/claims").token(token).idempotencyKey(key).send();
    }

    public static JsonNode mine(Api api, String token) {
        Api.Response mine = api.get("/api/coupons/mine", token);
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        return mine.json();
    }

    /** The caller's claim of {@code couponId} as GET /api/coupons/mine lists it, or a missing node. */
    public static JsonNode mineOf(Api api, String token, String couponId) {
        for (JsonNode claim : mine(api, token)) {
            if (claim.path("couponId").asText().equals(couponId)) {
                return claim;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    public static String orderWithCoupon(String productId, int quantity, String couponId) {
        return """
                {"items":[{"productId":"%s","quantity":%d}],"couponId":"%s"}""".formatted(productId, quantity, couponId);
    }
}
