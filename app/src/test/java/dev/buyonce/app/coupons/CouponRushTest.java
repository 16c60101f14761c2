package dev.buyonce.app.coupons;

import static dev.buyonce.app.support.TestCatalog.COFFEE;
import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Concurrently;
import dev.buyonce.app.support.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real threads against real PostgreSQL: the claim rules hold under races, where check-then-insert would not. */
class CouponRushTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    record Attempt(int user, String token, Api.Response answer) {
    }

    @Test
    void fiveHundredUsersTryingTwiceWithRepeatedKeysGetExactlyTheStockAndNobodyTwo() throws Exception {
        String coupon = Coupons.define(api, "rush", Coupons.PERCENT_10, 100);
        List<String> tokens = IntStream.range(0, 500).mapToObj(i -> Tokens.user(newUser("rusher"))).toList();
        List<Integer> attempts = new ArrayList<>();
        IntStream.range(0, 500).forEach(user -> {
            attempts.add(user);
            attempts.add(user);
        });
        Collections.shuffle(attempts, new Random(12));

        List<Attempt> answers = Concurrently.onThreads(64, attempts.size(), i -> {
            int user = attempts.get(i);
            return new Attempt(user, tokens.get(user), Coupons.claim(api, tokens.get(user), coupon, "rush-key"));
        });

        Map<String, Long> outcomes = answers.stream().collect(Collectors.groupingBy(
                a -> a.answer().status() + " " + (a.answer().status() >= 400 ? a.answer().code() : ""), Collectors.counting()));
        assertThat(outcomes.keySet()).as(outcomes.toString()).allMatch(o -> o.startsWith("201") || o.startsWith("200")
                || o.equals("409 COUPON_SOLD_OUT"));
        assertThat(outcomes.get("201 ")).as(outcomes.toString()).isEqualTo(100);
        Map<Integer, List<Attempt>> byUser = answers.stream().collect(Collectors.groupingBy(Attempt::user));
        long winners = byUser.values().stream().filter(user -> user.stream().anyMatch(a -> a.answer().status() == 201)).count();
        assertThat(winners).as("users with a claim").isEqualTo(100);
        byUser.values().forEach(user -> {
            List<Integer> statuses = user.stream().map(a -> a.answer().status()).sorted().toList();
            // one key per user: a winner's other attempt is its replay; a loser is refused both times
            assertThat(statuses).as("one user's two attempts with one key").isIn(List.of(200, 201), List.of(409, 409));
        });
        assertThat(node.countEvents("CouponClaimed", "\"couponId\":\"" + coupon + "\"")).isEqualTo(100);
        assertThat(node.countEvents("CouponStockTaken", "\"couponId\":\"" + coupon + "\"")).isEqualTo(100);
        Integer rows = node.jdbc().queryForObject("SELECT count(*) FROM coupon_claim_view WHERE coupon_id = ?", Integer.class, coupon);
        assertThat(rows).isEqualTo(100);
    }

    @Test
    void twoClaimsOfOneUserRacingWithDifferentKeysMakeOne() throws Exception {
        String coupon = Coupons.define(api, "race", Coupons.PERCENT_10, 1000);
        for (int round = 0; round < 20; round++) {
            String token = Tokens.user(newUser("double-clicker"));
            List<Api.Response> answers = Concurrently.run(2, i -> Coupons.claim(api, token, coupon, "key-" + i));
            assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
            Api.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            Api.Response made = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
            assertThat(refused.code()).isEqualTo("COUPON_ALREADY_CLAIMED");
            assertThat(refused.json().path("claimId").asText()).isEqualTo(made.json().path("claimId").asText());
            assertThat(Coupons.mine(api, token)).hasSize(1);
        }
    }

    @Test
    void theDailyLimitHitFromTwoThreadsIsNeverPassed() throws Exception {
        List<String> coupons = IntStream.range(0, 21).mapToObj(i -> Coupons.define(api, "limit", Coupons.PERCENT_10, 1000)).toList();
        for (int round = 0; round < 5; round++) {
            String token = Tokens.user(newUser("limit"));
            for (int i = 0; i < 19; i++) {
                assertThat(Coupons.claim(api, token, coupons.get(i), "k" + i).status()).isEqualTo(201);
            }
            List<Api.Response> last = Concurrently.run(2, i -> Coupons.claim(api, token, coupons.get(19 + i), "last-" + i));
            assertThat(last).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 429);
            assertThat(last).extracting(Api.Response::code).contains("CLAIM_LIMIT_REACHED");
            assertThat(Coupons.mine(api, token)).hasSize(20);
        }
    }

    @Test
    void aClaimAndACheckoutRacingOnOneCouponNeverMakeADiscountWithoutAClaim() throws Exception {
        String coupon = Coupons.define(api, "checkout-race", Coupons.fixed("2.00"), 1000);
        int discounted = 0;
        for (int round = 0; round < 20; round++) {
            String token = Tokens.user(newUser("racer"));
            List<Api.Response> answers = Concurrently.run(2, i -> i == 0
                    ? Coupons.claim(api, token, coupon, "claim")
                    : api.placeOrder(token, "order", Coupons.orderWithCoupon(COFFEE, 1, coupon)));
            Api.Response claim = answers.get(0);
            Api.Response order = answers.get(1);
            assertThat(claim.status()).as(claim.text()).isEqualTo(201);
            JsonNode mine = Coupons.mineOf(api, token, coupon);
            if (order.status() == 201) {
                discounted++;
                assertThat(order.json().path("discount").path("amount").asText()).isEqualTo("2.00");
                assertThat(order.json().path("total").path("amount").asText()).isEqualTo("7.90");
                assertThat(mine.path("status").asText()).isEqualTo("USED");
                assertThat(mine.path("orderId").asText()).isEqualTo(order.json().path("orderId").asText());
            } else {
                assertThat(order.code()).as(order.text()).isEqualTo("COUPON_NOT_CLAIMED");
                assertThat(mine.path("status").asText()).isEqualTo("CLAIMED");
                assertThat(node.countEvents("OrderPlaced", "\"userId\":\"" + tokenUser(token) + "\"")).isZero();
            }
        }
        System.out.printf("claim/checkout race: %d of 20 orders came after the claim%n", discounted);
    }

    @Test
    void twoOrdersRacingForOneClaimLeaveItWithOne() throws Exception {
        String coupon = Coupons.define(api, "two-orders", Coupons.fixed("2.00"), 1000);
        for (int round = 0; round < 10; round++) {
            String token = Tokens.user(newUser("two-orders"));
            assertThat(Coupons.claim(api, token, coupon, "claim").status()).isEqualTo(201);
            List<Api.Response> orders = Concurrently.run(2, i ->
                    api.placeOrder(token, "order-" + i, Coupons.orderWithCoupon(COFFEE, 1, coupon)));
            assertThat(orders).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
            Api.Response placed = orders.stream().filter(o -> o.status() == 201).findFirst().orElseThrow();
            Api.Response refused = orders.stream().filter(o -> o.status() == 409).findFirst().orElseThrow();
            assertThat(refused.code()).isEqualTo("COUPON_ALREADY_USED");
            assertThat(refused.json().path("orderId").asText()).isEqualTo(placed.json().path("orderId").asText());
        }
    }

    private static String tokenUser(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
