package dev.buyonce.command;

import dev.buyonce.command.catalog.Product;
import dev.buyonce.command.coupon.ClaimKey;
import dev.buyonce.command.coupon.Coupon;
import dev.buyonce.command.coupon.CouponClaim;
import dev.buyonce.command.coupon.CouponStockBucket;
import dev.buyonce.command.coupon.DailyClaimAllowance;
import dev.buyonce.command.entitlement.Entitlement;
import dev.buyonce.command.order.Order;
import dev.buyonce.command.ticket.Program;
import dev.buyonce.command.ticket.Seat;
import dev.buyonce.command.ticket.TicketAllowance;
import dev.buyonce.kernel.ConflictRetry;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the event-sourced aggregates with Axon, and the command side's settings. They are plain classes (no Spring stereotype), which
 * keeps the domain free of Spring; no aggregate cache is configured, so several nodes stay consistent. Each is
 * loaded only from the events of its own type.
 */
@Configuration
@EnableConfigurationProperties(CommandSettings.class)
class CommandSideConfiguration {

    /** How every command edge here re-sends a command that lost a race on the event store. */
    @Bean
    ConflictRetry conflictRetry() {
        return new ConflictRetry("resource");
    }

    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(ownStreamsOnly(Order.class))
                .configureAggregate(ownStreamsOnly(Entitlement.class))
                .configureAggregate(ownStreamsOnly(Product.class))
                .configureAggregate(ownStreamsOnly(Program.class))
                .configureAggregate(ownStreamsOnly(Seat.class))
                .configureAggregate(ownStreamsOnly(TicketAllowance.class))
                .configureAggregate(ownStreamsOnly(Coupon.class))
                .configureAggregate(ownStreamsOnly(CouponClaim.class))
                .configureAggregate(ownStreamsOnly(CouponStockBucket.class))
                .configureAggregate(ownStreamsOnly(DailyClaimAllowance.class))
                .configureAggregate(ownStreamsOnly(ClaimKey.class));
    }

    /**
     * Aggregate ids are name-based UUIDs of public inputs, so anyone can compute, say, an entitlement's id and
     * send it where an order id is expected. Reading only the events of the aggregate's own type, such a stream
     * is empty: not found (which every command edge answers as such), not an order built from foreign events.
     */
    private static <T> AggregateConfigurer<T> ownStreamsOnly(Class<T> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureFilterEventsByType(c -> true);
    }
}
