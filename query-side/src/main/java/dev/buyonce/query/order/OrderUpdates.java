package dev.buyonce.query.order;

import dev.buyonce.kernel.order.FindOrderQuery;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import java.util.UUID;
import org.axonframework.common.Priority;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Live order updates for subscribers (the SSE stream). Runs in the orders processing group after the
 * projection itself (lowest priority), re-reads the row the projection just wrote and emits it; Axon emits
 * only once the transaction commits. Any event of an Order aggregate counts, so new order events need no
 * change here. Replays emit nothing, and neither do orders nobody watches.
 */
@Component
@ProcessingGroup(OrderProjection.GROUP)
@Priority(Priority.LAST)
class OrderUpdates {
    private final OrderQueries orders;
    private final QueryUpdateEmitter emitter;

    OrderUpdates(OrderQueries orders, QueryUpdateEmitter emitter) {
        this.orders = orders;
        this.emitter = emitter;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, ReplayStatus replay) {
        if (replay.isReplay() || !"Order".equals(message.getType())) {
            return;
        }
        OrderId orderId = new OrderId(UUID.fromString(message.getAggregateIdentifier()));
        if (!watched(orderId)) {
            return;
        }
        orders.findAnyOwner(orderId).ifPresent(view -> emitter.emit(FindOrderQuery.class,
                query -> query.orderId().equals(orderId) && query.userId().equals(view.userId()), view));
    }

    /** Whether anyone subscribed to this order: most orders are never watched, so they cost no read here. */
    private boolean watched(OrderId orderId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindOrderQuery query
                        && query.orderId().equals(orderId));
    }

    /** The order now, or null while the projection has not seen it yet (updates follow). */
    @QueryHandler
    OrderView handle(FindOrderQuery query) {
        return orders.find(query.userId(), query.orderId()).orElse(null);
    }
}
