package dev.buyonce.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponDiscount;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.coupon.CouponView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Which claims the edge answers itself (a guess, with nothing else wrong) and which it leaves to the controller. */
class UnclaimableCouponsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final CouponView ON_SALE = new CouponView(new CouponId("on-sale"), "On sale", CouponDiscount.percent(10),
            10, 2, NOW.minusSeconds(60), NOW.plusSeconds(60), null);
    private static final CouponView NOT_YET = new CouponView(new CouponId("not-yet"), "Not yet", CouponDiscount.percent(10),
            10, 2, NOW.plusSeconds(1), NOW.plusSeconds(60), null);
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final UnclaimableCoupons filter = new UnclaimableCoupons(new CouponDirectory() {
        @Override
        public Optional<CouponView> claimable(CouponId couponId, Instant now) {
            return Optional.of(couponId.equals(ON_SALE.couponId()) ? ON_SALE : NOT_YET)
                    .filter(c -> c.couponId().equals(couponId) && c.claimableAt(now));
        }

        @Override
        public Set<Integer> emptyBuckets(CouponId couponId) {
            return Set.of();
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC), mapper);

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGuessWithAValidCallerAndKeyIsAnswered404HereAndGoesNoFurther() throws Exception {
        signedIn("alice");
        for (String id : new String[] {"no-such", "not-yet", "x".repeat(65)}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(claim(id, "k"), response, chain);

            assertThat(chain.getRequest()).as(id).isNull();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            JsonNode problem = mapper.readTree(response.getContentAsByteArray());
            assertThat(problem.path("code").asText()).isEqualTo("COUPON_NOT_FOUND");
            assertThat(problem.path("detail").asText()).isEqualTo("no such coupon can be claimed");
            assertThat(problem.path("title").asText()).isEqualTo("Not Found");
            assertThat(problem.path("instance").asText()).isEqualTo("/api/coupons/" + id + "/claims");
        }
    }

    @Test
    void everythingTheControllerWouldJudgeOtherwiseGoesOn() throws Exception {
        assertGoesOn(claim("no-such", "k"), "no caller");
        signedIn("alice");
        assertGoesOn(claim("on-sale", "k"), "a claimable coupon");
        assertGoesOn(claim("no-such", null), "no key");
        assertGoesOn(claim("no-such", "bad key"), "a bad key");
        assertGoesOn(claim("no%2Dsuch", "k"), "an escaped id");
        assertGoesOn(claim("a;b", "k"), "a path parameter");
        assertGoesOn(new MockHttpServletRequest("POST", "/api/coupons/no-such/claims/more"), "a longer path");
        assertGoesOn(new MockHttpServletRequest("POST", "/api/coupons//claims"), "no id");
        MockHttpServletRequest get = claim("no-such", "k");
        get.setMethod("GET");
        assertGoesOn(get, "another method");
        signedIn("not a user id!");
        assertGoesOn(claim("no-such", "k"), "a caller whose subject is no user id");
    }

    private void assertGoesOn(MockHttpServletRequest request, String what) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as(what).isSameAs(request);
        assertThat(response.getContentAsString()).as(what).isEmpty();
    }

    private static MockHttpServletRequest claim(String couponId, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/coupons/" + couponId + "/claims");
        if (key != null) {
            request.addHeader("Idempotency-Key", key);
        }
        return request;
    }

    private static void signedIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "HS256").subject(subject).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }
}
