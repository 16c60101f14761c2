package dev.buyonce.app.limits;

import java.time.Duration;

/**
 * {@code buyonce.limits.*}: what one client may cost this node. Every default is written here, once. The
 * rate defaults sit well above what the README walk-through, the test suite and {@code bench/} ask of one
 * user or one address: 64 clients, one user per client, up to ~60 orders/s per user, and a storm of 1,000
 * simultaneous requests from one user (same-key-storm).
 *
 * @param bodyReadDeadline      a request body must have arrived this long after its headers, or 408
 * @param maxUnpaidOrdersPerUser live AWAITING_PAYMENT orders one user may have; one more is refused with 429
 * @param unpaidRecount         how long a count well under the cap may be reused before it is read again
 * @param rate                  the token buckets
 */
public record LimitSettings(Duration bodyReadDeadline, Integer maxUnpaidOrdersPerUser, Duration unpaidRecount, Rates rate) {

    public LimitSettings {
        bodyReadDeadline = positive(bodyReadDeadline, Duration.ofSeconds(10), "body-read-deadline");
        maxUnpaidOrdersPerUser = maxUnpaidOrdersPerUser == null ? 20_000 : maxUnpaidOrdersPerUser;
        if (maxUnpaidOrdersPerUser < 1) {
            throw new IllegalArgumentException("buyonce.limits.max-unpaid-orders-per-user must be at least 1");
        }
        unpaidRecount = unpaidRecount == null ? Duration.ofSeconds(1) : unpaidRecount;
        rate = rate == null ? new Rates(null, null, null, null, null, null, null, null) : rate;
    }

    /**
     * @param enabled     off: no token buckets at all (the unpaid-order cap and the read deadline stay)
     * @param orders      per user: order writes (placing, cancelling) and any other write outside the families below
     * @param payments    per user: {@code POST /api/orders/{id}/payments}
     * @param reads       per user: GET, HEAD, OPTIONS
     * @param admin       per user: {@code /api/admin/**}
     * @param anonymous   per client address: every request without a valid token, except provider webhooks
     * @param maxKeys     users and addresses whose buckets are kept; the least recently seen go first
     * @param idleExpiry  a bucket not touched this long is forgotten (it would have refilled long before)
     */
    public record Rates(Boolean enabled, Rate orders, Rate payments, Rate reads, Rate admin, Rate anonymous,
                 Long maxKeys, Duration idleExpiry) {
        public Rates {
            enabled = enabled == null || enabled;
            orders = orders == null ? new Rate(2_000, 500, Duration.ofSeconds(1)) : orders;
            payments = payments == null ? new Rate(500, 100, Duration.ofSeconds(1)) : payments;
            reads = reads == null ? new Rate(2_000, 1_000, Duration.ofSeconds(1)) : reads;
            admin = admin == null ? new Rate(1_000, 200, Duration.ofSeconds(1)) : admin;
            anonymous = anonymous == null ? new Rate(1_000, 200, Duration.ofSeconds(1)) : anonymous;
            maxKeys = maxKeys == null ? 100_000L : maxKeys;
            idleExpiry = positive(idleExpiry, Duration.ofMinutes(10), "rate.idle-expiry");
        }
    }

    /** A token bucket: up to {@code capacity} requests at once, refilled by {@code refill} tokens every {@code period}. */
    public record Rate(long capacity, long refill, Duration period) {
        public Rate {
            period = period == null ? Duration.ofSeconds(1) : period;
            if (capacity < 1 || refill < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate needs capacity >= 1, refill >= 1 and a positive period (set all three)");
            }
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration chosen = value == null ? fallback : value;
        if (chosen.isZero() || chosen.isNegative()) {
            throw new IllegalArgumentException("buyonce.limits." + name + " must be positive");
        }
        return chosen;
    }
}
