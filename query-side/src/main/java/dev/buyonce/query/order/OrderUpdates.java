package dev.buyonce.query.order;

import dev.buyonce.kernel.order.FindOrderQuery;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.common.Priority;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Live order updates for subscribers (the SSE stream), on every node. It runs in the orders view's own
 * transaction, after the projection (lowest priority); once that transaction commits it announces the order
 * to every node ({@link ChangeSignals}). A node where someone watches that order re-reads the committed row
 * and emits it to the watchers' subscription queries; most orders are watched nowhere and cost no read.
 * Any event of an Order aggregate counts, so new order events need no change here. Rebuilds announce nothing: Axon
 * skips this class for replayed events ({@link DisallowReplay}), so a rebuild reads no events for it alone.
 */
@Component
@DisallowReplay
@ProcessingGroup(OrderProjection.GROUP)
@Priority(Priority.LAST)
class OrderUpdates implements ChangeListener {
    static final String TOPIC = "order";
    private final OrderQueries orders;
    private final QueryUpdateEmitter emitter;
    private final ObjectProvider<ChangeSignals> signals;

    OrderUpdates(OrderQueries orders, QueryUpdateEmitter emitter, ObjectProvider<ChangeSignals> signals) {
        this.orders = orders;
        this.emitter = emitter;
        this.signals = signals;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, ReplayStatus replay) {
        if (replay.isReplay() || !"Order".equals(message.getType())) {
            return;
        }
        String orderId = message.getAggregateIdentifier();
        ChangeSignals.afterCommit(() -> signals.getObject().announce(TOPIC, orderId));
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** An order changed on some node: its watchers here get the committed order. */
    @Override
    public void changed(String id) {
        OrderId orderId;
        try {
            orderId = new OrderId(UUID.fromString(id));
        } catch (IllegalArgumentException notAnOrder) {
            return;
        }
        if (watched(orderId)) {
            emit(orderId);
        }
    }

    /** Every watched order is read again (a node that lost its database connection may have missed changes). */
    @Override
    public void resync() {
        emitter.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .filter(FindOrderQuery.class::isInstance)
                .map(query -> ((FindOrderQuery) query).orderId())
                .distinct()
                .forEach(this::emit);
    }

    private void emit(OrderId orderId) {
        Optional<OrderView> view = orders.findAnyOwner(orderId);
        view.ifPresent(order -> emitter.emit(FindOrderQuery.class,
                query -> query.orderId().equals(orderId) && query.userId().equals(order.userId()), order));
    }

    /** Whether anyone on this node subscribed to this order. */
    private boolean watched(OrderId orderId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindOrderQuery query
                        && query.orderId().equals(orderId));
    }

    /** The order now, or null while there is none (updates follow). */
    @QueryHandler
    OrderView handle(FindOrderQuery query) {
        return orders.find(query.userId(), query.orderId()).orElse(null);
    }
}
