package dev.buyonce.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrder;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * One client intent to buy. Its id is derived from (user, Idempotency-Key), so every retry of the intent
 * meets this aggregate again: {@link #place} decides between placing, replaying and refusing a reused key.
 */
@AggregateRoot
public class Order {
    @AggregateIdentifier
    private OrderId orderId;
    private UserId userId;
    private OrderStatus status;
    private List<OrderLine> lines;
    private Money total;
    private Instant placedAt;
    private Instant paymentDeadline;
    private String requestFingerprint;

    Order() {
        // created empty by the repository (create-if-missing); placed by place()
    }

    /** @return true when this call placed the order, false when it repeated the same request (a replay) */
    boolean place(PlaceOrder command) {
        if (status != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new IdempotencyKeyReused(orderId);
            }
            return false;
        }
        if (command.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Money sum = command.lines().stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        apply(new OrderPlaced(command.orderId(), command.userId(), command.lines(), sum, command.placedAt(),
                command.paymentDeadline(), command.requestFingerprint()));
        return true;
    }

    /**
     * Cancels on the owner's request. Another user's order answers as if it did not exist.
     *
     * @return true when this call cancelled it, false when it was already cancelled
     */
    boolean cancel(UserId requestedBy, Instant at) {
        requireOwner(requestedBy);
        if (status == OrderStatus.CANCELLED) {
            return false;
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new OrderNotCancellable(orderId, status);
        }
        apply(new OrderCancelled(orderId, userId, CancellationReason.BY_CUSTOMER, at));
        return true;
    }

    void requireOwner(UserId user) {
        if (!userId.equals(user)) {
            throw new OrderNotFound(orderId.toString());
        }
    }

    List<OrderLine> lines() {
        return lines;
    }

    OrderView view() {
        return new OrderView(orderId, userId, status, lines, total, placedAt, paymentDeadline);
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        this.orderId = event.orderId();
        this.userId = event.userId();
        this.status = OrderStatus.AWAITING_PAYMENT;
        this.lines = event.lines();
        this.total = event.total();
        this.placedAt = event.placedAt();
        this.paymentDeadline = event.paymentDeadline();
        this.requestFingerprint = event.requestFingerprint();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        this.status = OrderStatus.CANCELLED;
    }
}
