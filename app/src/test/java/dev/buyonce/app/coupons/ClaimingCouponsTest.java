package dev.buyonce.app.coupons;

import static dev.buyonce.app.support.TestCatalog.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Defining, claiming and listing coupons, end to end over HTTP on PostgreSQL. */
class ClaimingCouponsTest {
    static BuyOnceNode node;
    static Api api;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
        api = node.api();
    }

    @Test
    void definingTheSameCouponAgainIsOkAndADifferentDefinitionConflicts() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2099-01-01T00:00:00Z");
        String id = "same-" + newUser("c");
        assertThat(api.post("/api/admin/coupons", Coupons.ADMIN, Coupons.body(id, Coupons.PERCENT_10, 50, from, until)).status())
                .isEqualTo(201);
        Api.Response again = api.post("/api/admin/coupons", Coupons.ADMIN, Coupons.body(id, Coupons.PERCENT_10, 50, from, until));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("discount").toString()).isEqualTo("{\"percent\":10}");
        Api.Response other = api.post("/api/admin/coupons", Coupons.ADMIN, Coupons.body(id, Coupons.PERCENT_10, 51, from, until));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("COUPON_CONFLICT");
        assertThat(api.post("/api/admin/coupons", Tokens.user("not-admin"), Coupons.body("x", Coupons.PERCENT_10, 1, from, until))
                .code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/admin/coupons", Coupons.ADMIN,
                Coupons.body("both", "{\"percent\":5,\"amount\":\"1.00\",\"currency\":\"CNY\"}", 1, from, until)).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/admin/coupons", Coupons.ADMIN, Coupons.body("backwards", Coupons.PERCENT_10, 1, until, from))
                .code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aClaimIsListedAtOnceAndItsKeyReplaysIt() {
        String coupon = Coupons.define(api, "welcome", Coupons.fixed("5.00"), 100);
        String other = Coupons.define(api, "other", Coupons.PERCENT_10, 100);
        String token = Tokens.user(newUser("claimer"));

        Api.Response claimed = Coupons.claim(api, token, coupon, "k1");
        JsonNode mine = Coupons.mine(api, token);
        Api.Response replay = Coupons.claim(api, token, coupon, "k1");
        Api.Response secondKey = Coupons.claim(api, token, coupon, "k2");
        Api.Response keyForAnother = Coupons.claim(api, token, other, "k1");

        assertThat(claimed.status()).as(claimed.text()).isEqualTo(201);
        String claimId = claimed.json().path("claimId").asText();
        assertThat(claimed.json().path("couponId").asText()).isEqualTo(coupon);
        assertThat(claimed.json().path("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.json().path("duplicated").asBoolean()).isFalse();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("claimId").asText()).isEqualTo(claimId);
        assertThat(mine.get(0).path("status").asText()).isEqualTo("CLAIMED");
        assertThat(mine.get(0).path("claimedAt").asText()).isEqualTo(claimed.json().path("claimedAt").asText());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("duplicated").asBoolean()).isTrue();
        assertThat(replay.json().path("claimId").asText()).isEqualTo(claimId);
        assertThat(secondKey.status()).isEqualTo(409);
        assertThat(secondKey.code()).isEqualTo("COUPON_ALREADY_CLAIMED");
        assertThat(secondKey.json().path("claimId").asText()).isEqualTo(claimId);
        assertThat(keyForAnother.status()).isEqualTo(422);
        assertThat(keyForAnother.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(node.countEvents("CouponClaimed", claimId)).isEqualTo(1);
        assertThat(Coupons.mine(api, token)).hasSize(1);
    }

    @Test
    void unknownWithdrawnNotYetValidAndExpiredCouponsAllGetTheSameNotFound() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String withdrawn = Coupons.define(api, "withdrawn", Coupons.PERCENT_10, 10);
        String future = Coupons.define(api, "future", Coupons.PERCENT_10, 10, now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
        String expired = Coupons.define(api, "expired", Coupons.PERCENT_10, 10, now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Api.Response withdrawal = api.post("/api/admin/coupons/" + withdrawn + "/withdraw", Coupons.ADMIN, "");
        assertThat(withdrawal.status()).as(withdrawal.text()).isEqualTo(200);
        assertThat(withdrawal.json().path("withdrawnAt").isTextual()).isTrue();
        String token = Tokens.user(newUser("guesser"));

        List<Api.Response> answers = new ArrayList<>();
        for (String id : List.of("no-such-coupon", withdrawn, future, expired, "x".repeat(64), "x".repeat(65))) {
            answers.add(Coupons.claim(api, token, id, "k-" + answers.size()));
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("COUPON_NOT_FOUND");
            assertThat(answer.json().path("detail").asText()).isEqualTo(answers.get(0).json().path("detail").asText());
        });
        assertThat(api.post("/api/admin/coupons/no-such-coupon/withdraw", Coupons.ADMIN, "").code()).isEqualTo("COUPON_NOT_FOUND");
        List<String> listed = ids(api.get("/api/coupons", token).json());
        assertThat(listed).doesNotContain(withdrawn, future, expired);
        assertThat(Coupons.mine(api, token)).isEmpty();
    }

    /**
     * A guess is answered at the edge (UnclaimableCoupons), before Spring MVC; the same guess spelled with a
     * percent-escape is left to the controller. Both answers are the same problem, each naming its own path, and
     * what the edge cannot judge as the controller would (no key, no token) still gets the controller's answer.
     */
    @Test
    void aGuessAnsweredAtTheEdgeIsTheControllersOwnAnswer() {
        String token = Tokens.user(newUser("edge"));
        Api.Response edge = Coupons.claim(api, token, "no-such", "k");
        Api.Response controller = Coupons.claim(api, token, "no%2Dsuch", "k");

        assertThat(edge.status()).as(edge.text()).isEqualTo(404);
        assertThat(controller.status()).as(controller.text()).isEqualTo(404);
        assertThat(edge.header("Content-Type")).isEqualTo(controller.header("Content-Type")).startsWith("application/problem+json");
        assertThat(edge.json().path("instance").asText()).isEqualTo("/api/coupons/no-such/claims");
        assertThat(controller.json().path("instance").asText()).isEqualTo("/api/coupons/no%2Dsuch/claims");
        JsonNode edgeProblem = ((ObjectNode) edge.json()).without("instance");
        JsonNode controllerProblem = ((ObjectNode) controller.json()).without("instance");
        assertThat(edgeProblem).isEqualTo(controllerProblem);
        assertThat(edge.json().path("code").asText()).isEqualTo("COUPON_NOT_FOUND");

        assertThat(Coupons.claim(api, token, "no-such", null).code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(Coupons.claim(api, token, "no-such", "bad key").code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(Coupons.claim(api, null, "no-such", "k").status()).isEqualTo(401);
    }

    @Test
    void theLastUnitGoesAndThenTheCouponIsSoldOutAndListedWithNothingLeft() {
        String coupon = Coupons.define(api, "three", Coupons.PERCENT_10, 3);
        List<Api.Response> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(Coupons.claim(api, Tokens.user(newUser("buyer")), coupon, "k"));
        }
        assertThat(answers).extracting(Api.Response::status).containsExactly(201, 201, 201, 409, 409);
        assertThat(answers.get(4).code()).isEqualTo("COUPON_SOLD_OUT");
        String token = Tokens.user(newUser("looker"));
        JsonNode listed = Eventually.await("remaining 0", () -> listed(token, coupon), c -> c.path("remaining").asInt(-1) == 0);
        assertThat(listed.path("discount").toString()).isEqualTo("{\"percent\":10}");
    }

    @Test
    void theTwentyFirstClaimOfADayIsRefusedUntilMidnight() {
        String token = Tokens.user(newUser("daily"));
        for (int i = 0; i < 20; i++) {
            Api.Response claimed = Coupons.claim(api, token, Coupons.define(api, "daily", Coupons.PERCENT_10, 5), "k" + i);
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(201);
        }
        Api.Response refused = Coupons.claim(api, token, Coupons.define(api, "daily", Coupons.PERCENT_10, 5), "k20");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("CLAIM_LIMIT_REACHED");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        long toMidnight = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(retryAfter).isPositive().isBetween(toMidnight - 60, toMidnight + 2);
        assertThat(Coupons.mine(api, token)).hasSize(20);
    }

    @Test
    void aCouponBecomesClaimableAtItsStartAndStopsAtItsEndWithoutARestart() {
        Instant now = Instant.now();
        Instant from = now.plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String coupon = Coupons.define(api, "window", Coupons.PERCENT_10, 10, from, from.plusSeconds(3));
        String early = Tokens.user(newUser("early"));
        assertThat(Coupons.claim(api, early, coupon, "k").code()).as("before validFrom").isEqualTo("COUPON_NOT_FOUND");

        String token = Tokens.user(newUser("on-time"));
        Eventually.await("claimable from validFrom", Duration.ofSeconds(10),
                () -> Coupons.claim(api, token, coupon, "k").status(), status -> status == 201);
        Eventually.await("refused from validUntil", Duration.ofSeconds(10),
                () -> Coupons.claim(api, Tokens.user(newUser("late")), coupon, "k").code(), "COUPON_NOT_FOUND"::equals);
        assertThat(ids(api.get("/api/coupons", token).json())).doesNotContain(coupon);
        assertThat(Coupons.mineOf(api, token, coupon).path("status").asText()).isEqualTo("EXPIRED");
    }

    private JsonNode listed(String token, String coupon) {
        for (JsonNode listed : api.get("/api/coupons", token).json()) {
            if (listed.path("id").asText().equals(coupon)) {
                return listed;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> ids(JsonNode coupons) {
        return StreamSupport.stream(coupons.spliterator(), false).map(c -> c.path("id").asText()).toList();
    }
}
