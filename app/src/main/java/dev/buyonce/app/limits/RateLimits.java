package dev.buyonce.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buyonce.kernel.UserId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets (Bucket4j) per user and endpoint family, or per client address for requests without a
 * valid token; then the cap on a user's unpaid orders. Runs before the security chain and before any body
 * is read, so a refused request costs neither. The caller is found with the same (caching) JWT decoder
 * security uses: a bad token is metered by address, like no token. Buckets live in this node's memory.
 */
final class RateLimits extends OncePerRequestFilter {
    private final LimitSettings.Rates rates;
    private final JwtDecoder tokens;
    private final UnpaidOrderCap unpaid;
    private final ObjectMapper mapper;
    private final Cache<Key, Bucket> buckets;
    private final Map<EndpointFamily, Counter> refused = new EnumMap<>(EndpointFamily.class);
    private final Counter refusedUnpaid;

    private record Key(EndpointFamily family, String caller) {
    }

    RateLimits(LimitSettings settings, JwtDecoder tokens, UnpaidOrderCap unpaid, ObjectMapper mapper, MeterRegistry meters) {
        this.rates = settings.rate();
        this.tokens = tokens;
        this.unpaid = unpaid;
        this.mapper = mapper;
        this.buckets = Caffeine.newBuilder().maximumSize(rates.maxKeys()).expireAfterAccess(rates.idleExpiry()).build();
        for (EndpointFamily family : EndpointFamily.values()) {
            refused.put(family, refusals(meters, family.name().toLowerCase()));
        }
        this.refusedUnpaid = refusals(meters, "unpaid_orders");
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("buyonce.limits.refused").description("requests answered 429 RATE_LIMITED")
                .tag("limit", limit).register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EndpointFamily family = EndpointFamily.of(request);
        if (family == EndpointFamily.WEBHOOK) {
            chain.doFilter(request, response);
            return;
        }
        UserId user = caller(request);
        if (user == null) {
            family = EndpointFamily.ANONYMOUS;
        }
        if (rates.enabled()) {
            EndpointFamily chosen = family;
            Bucket bucket = buckets.get(new Key(family, user == null ? request.getRemoteAddr() : user.value()),
                    key -> newBucket(chosen.rate(rates)));
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refused.get(family).increment();
                TooManyRequests.write(mapper, response, Duration.ofNanos(probe.getNanosToWaitForRefill()),
                        "too many requests; try again after Retry-After seconds");
                return;
            }
        }
        if (user != null && "POST".equals(request.getMethod()) && "/api/orders".equals(request.getRequestURI())) {
            Optional<Duration> wait = unpaid.refusal(user, request.getHeader("Idempotency-Key"));
            if (wait.isPresent()) {
                refusedUnpaid.increment();
                TooManyRequests.write(mapper, response, wait.get(), "already " + unpaid.cap()
                        + " orders await payment; pay or cancel one, or wait for the first to expire (Retry-After)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Bucket newBucket(LimitSettings.Rate rate) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()))
                .build();
    }

    /** The JWT subject of a valid bearer token, or null. */
    private UserId caller(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            String subject = tokens.decode(authorization.substring(7).trim()).getSubject();
            return UserId.isValid(subject) ? new UserId(subject) : null;
        } catch (JwtException invalid) {
            return null;
        }
    }
}
