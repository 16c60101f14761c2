package dev.buyonce.app.ops;

import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.query.signal.ChangeSignals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What operators watch besides the processors' lag (see {@link ProcessorLagMetrics}), on this node:
 * <ul>
 *   <li>{@code buyonce_duplicates_refused_total{reason="replay"}}: a creating POST answered with the original
 *   resource ({@code Idempotent-Replayed}); refusals by code (ALREADY_OWNED, PURCHASE_PENDING) are counted
 *   where problems are built ({@code buyonce_problems_total{code}}, {@code Problems});</li>
 *   <li>{@code buyonce_refunds_total{kind="payment"|"order"}}: refunds recorded, once committed;</li>
 *   <li>{@code buyonce_stuck_payments}: orders still awaiting payment a minute after their deadline (the
 *   payment saga should have cancelled them), read from the order view at most every 30 s.</li>
 * </ul>
 */
@Component
@ProcessingGroup(OutcomeMetrics.GROUP)
class OutcomeMetrics extends OncePerRequestFilter {
    static final String GROUP = "metrics";
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private final Counter replays;
    private final Counter paymentRefunds;
    private final Counter orderRefunds;
    private final JdbcTemplate jdbc;
    private volatile long stuck;
    private volatile long readAt;

    OutcomeMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.replays = Counter.builder("buyonce.duplicates.refused").tag("reason", "replay")
                .description("creating requests answered with the resource an earlier one created").register(registry);
        this.paymentRefunds = Counter.builder("buyonce.refunds").tag("kind", "payment")
                .description("payments refunded").register(registry);
        this.orderRefunds = Counter.builder("buyonce.refunds").tag("kind", "order")
                .description("orders refunded").register(registry);
        Gauge.builder("buyonce.stuck.payments", this, OutcomeMetrics::stuckPayments)
                .description("orders awaiting payment a minute past their deadline").register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if ("true".equals(response.getHeader("Idempotent-Replayed"))) {
            replays.increment();
        }
    }

    @EventHandler
    void on(PaymentRefunded event, ReplayStatus replay) {
        countOnCommit(paymentRefunds, replay);
    }

    @EventHandler
    void on(OrderRefunded event, ReplayStatus replay) {
        countOnCommit(orderRefunds, replay);
    }

    private static void countOnCommit(Counter counter, ReplayStatus replay) {
        if (!replay.isReplay()) {
            ChangeSignals.afterCommit(counter::increment);
        }
    }

    private double stuckPayments() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH_FOR.toNanos()) {
            Long count = jdbc.queryForObject("SELECT count(*) FROM order_view WHERE status = 'AWAITING_PAYMENT' "
                    + "AND payment_deadline < ?", Long.class, Timestamp.from(Instant.now().minus(GRACE)));
            stuck = count == null ? 0 : count;
            readAt = now;
        }
        return stuck;
    }
}
