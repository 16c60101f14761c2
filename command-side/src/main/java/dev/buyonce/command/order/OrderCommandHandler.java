package dev.buyonce.command.order;

import dev.buyonce.command.entitlement.Entitlements;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Order commands that touch several aggregates. Everything one command does (the order and the
 * reservations it needs) is stored in one unit of work, or nothing is.
 */
@Component
class OrderCommandHandler {
    private final Configuration axon;
    private final Entitlements entitlements;

    OrderCommandHandler(Configuration axon, Entitlements entitlements) {
        this.axon = axon;
        this.entitlements = entitlements;
    }

    @CommandHandler
    PlaceOrderResult handle(PlaceOrder command) throws Exception {
        Aggregate<Order> order = orders().loadOrCreate(command.orderId().toString(), Order::new);
        boolean placed = order.invoke(o -> o.place(command));
        if (placed) {
            for (OrderLine line : command.lines()) {
                if (line.kind() == ProductKind.PERMANENT) {
                    entitlements.reserve(command.userId(), line.productId(), command.orderId(), command.placedAt());
                }
            }
        }
        return new PlaceOrderResult(order.invoke(Order::view), !placed);
    }

    @CommandHandler
    OrderView handle(CancelOrder command) {
        Aggregate<Order> order = load(command.orderId());
        boolean cancelled = order.invoke(o -> o.cancel(command.requestedBy(), command.at()));
        if (cancelled) {
            releaseReservations(order, command.at());
        }
        return order.invoke(Order::view);
    }

    private void releaseReservations(Aggregate<Order> order, Instant at) {
        OrderView view = order.invoke(Order::view);
        for (OrderLine line : view.items()) {
            if (line.kind() == ProductKind.PERMANENT) {
                entitlements.release(view.userId(), line.productId(), view.orderId(), at);
            }
        }
    }

    private Aggregate<Order> load(OrderId orderId) {
        try {
            return orders().load(orderId.toString());
        } catch (AggregateNotFoundException e) {
            throw new OrderNotFound(orderId.toString());
        }
    }

    private Repository<Order> orders() {
        return axon.repository(Order.class);
    }
}
