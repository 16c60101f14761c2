package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.command.coupon.CouponNotFound;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.coupon.CouponDirectory;
import dev.buyonce.kernel.coupon.CouponId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessed coupon ids answered at the edge. A claim ({@code POST /api/coupons/{couponId}/claims}) that has passed
 * the rate limits and security, with a valid caller and a valid {@code Idempotency-Key}, whose coupon the in-memory
 * {@link CouponDirectory} does not hold as claimable now, is answered 404 {@code COUPON_NOT_FOUND} here: the same
 * problem the claim's controller gives (its {@code instance} the request's path), without Spring MVC's dispatch,
 * exception resolution and content negotiation, which were most of such an answer's cost. Every other request,
 * and every claim this filter cannot judge as the controller would (an id written with {@code %} or {@code ;}, a
 * missing or bad key, no valid caller), goes on to the controller, which checks the same things in the same order.
 */
final class UnclaimableCoupons extends OncePerRequestFilter {
    private static final String PREFIX = "/api/coupons/";
    private static final String SUFFIX = "/claims";

    private final CouponDirectory directory;
    private final Clock clock;
    private final ObjectMapper mapper;

    UnclaimableCoupons(CouponDirectory directory, Clock clock, ObjectMapper mapper) {
        this.directory = directory;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String couponId = claimedCouponId(request);
        if (couponId != null && CallerArgumentResolver.caller() != null && hasValidKey(request)
                && CouponId.parse(couponId).flatMap(id -> directory.claimable(id, clock.instant())).isEmpty()) {
            ProblemDetail problem = Problems.of(ErrorCode.COUPON_NOT_FOUND, CouponNotFound.DETAIL, Map.of());
            problem.setInstance(URI.create(request.getRequestURI()));
            Problems.write(mapper, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The coupon id of a claim's path, as the controller's path variable would read it; null for anything else. */
    static String claimedCouponId(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI();
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '%' || c == ';') {
                return null;
            }
        }
        return id;
    }

    private static boolean hasValidKey(HttpServletRequest request) {
        try {
            IdempotencyKey.fromHeader(request.getHeader("Idempotency-Key"));
            return true;
        } catch (RuleViolation invalid) {
            return false;
        }
    }
}
