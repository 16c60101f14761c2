package dev.buyonce.saga.payment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.ExpireUnattemptedOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cancels the orders whose payment deadline passed while nobody asked to pay them. Such an order has no payment
 * saga (the saga starts at the first attempt), so no deadline of its own is stored: the deadline is in the order's
 * events and in {@code order_view}, and this persistent db-scheduler task, which runs on one node at a time, looks
 * every {@link #INTERVAL} for orders still awaiting payment past their deadline with no attempt in
 * {@code payment_attempt_view}, the oldest first. It sends each an {@link ExpireUnattemptedOrder}; the order
 * decides (it ignores the command if it was paid, cancelled or asked to be paid meanwhile), so the views are only
 * the list of orders to ask, never the judge. A node that is down misses nothing: the next run, on any node,
 * finds what is overdue. An order that could not be told (say, the database went away) is asked again next run.
 */
@Configuration
class UnattemptedOrderExpiry {
    static final String TASK = "unattempted-order-expiry";
    /** As often as db-scheduler looks for due work (its polling interval): a deadline is acted on within about 2 s. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Orders asked for per query; a run asks again until fewer come back, or until it has run for {@link #RUN_FOR}. */
    static final int BATCH = 200;
    static final Duration RUN_FOR = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(UnattemptedOrderExpiry.class);
    private static final String OVERDUE = "SELECT o.order_id FROM order_view o WHERE o.status = 'AWAITING_PAYMENT'"
            + " AND o.payment_deadline <= ? AND NOT EXISTS (SELECT 1 FROM payment_attempt_view p"
            + " WHERE p.order_id = o.order_id) ORDER BY o.payment_deadline LIMIT " + BATCH;

    @Bean
    RecurringTask<Void> unattemptedOrderExpiryTask(JdbcTemplate jdbc, OrderCommands orders) {
        Clock clock = Clock.systemUTC();
        return Tasks.recurring(TASK, FixedDelay.of(INTERVAL))
                .execute((instance, context) -> expireOverdue(jdbc, orders, clock));
    }

    /** Tells every order overdue now (as of the run's start) that its deadline passed; returns how many were told. */
    static int expireOverdue(JdbcTemplate jdbc, OrderCommands orders, Clock clock) {
        Instant now = clock.instant();
        Instant stopAt = now.plus(RUN_FOR);
        int told = 0;
        List<UUID> overdue;
        do {
            try {
                overdue = jdbc.queryForList(OVERDUE, UUID.class, Timestamp.from(now));
            } catch (DataAccessException e) {
                log.warn("could not look for unpaid orders past their deadline (looked for again at the next run): {}",
                        e.toString());
                return told;
            }
            int failed = 0;
            for (UUID id : overdue) {
                try {
                    orders.send(new ExpireUnattemptedOrder(new OrderId(id), now), id.toString(), MetaData.emptyInstance());
                    told++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("could not expire unpaid order {} (asked again at the next run): {}", id, e.toString());
                }
            }
            if (failed > 0) {
                // the same rows would come back: leave them to the next run
                break;
            }
        } while (overdue.size() == BATCH && clock.instant().isBefore(stopAt));
        return told;
    }
}
