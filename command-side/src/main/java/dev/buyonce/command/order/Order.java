package dev.buyonce.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One client intent to buy. Its id is derived from (user, Idempotency-Key), so every retry of the intent
 * meets this aggregate again and is answered with the order it placed, never with a second one. What the
 * order needs besides itself (a permanent product's reservation) happens in the same unit of work.
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
    // held in the same unit of work by TicketOrderHandler; given back by SeatReleasePolicy on cancellation
    private List<SeatId> seats = List.of();

    Order() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PlaceOrderResult handle(PlaceOrder command, EntitlementReservations reservations) {
        if (status != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new IdempotencyKeyReused(orderId);
            }
            return new PlaceOrderResult(view(), true);
        }
        if (command.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Money sum = command.lines().stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        apply(new OrderPlaced(command.orderId(), command.userId(), command.lines(), sum, command.placedAt(),
                command.paymentDeadline(), command.requestFingerprint(), command.programId(), command.seats()));
        permanentLines().forEach(line ->
                reservations.reserve(userId, line.productId(), orderId, command.placedAt()));
        return new PlaceOrderResult(view(), false);
    }

    /** Cancels on the owner's request; cancelling again answers the same. Another user's order is "not found". */
    @CommandHandler
    OrderView handle(CancelOrder command, EntitlementReservations reservations) {
        if (!userId.equals(command.requestedBy())) {
            throw new OrderNotFound(orderId.toString());
        }
        if (status == OrderStatus.CANCELLED) {
            return view();
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new OrderNotCancellable(orderId, status);
        }
        apply(new OrderCancelled(orderId, userId, CancellationReason.BY_CUSTOMER, command.at()));
        permanentLines().forEach(line -> reservations.release(userId, line.productId(), orderId, command.at()));
        return view();
    }

    private List<OrderLine> permanentLines() {
        return lines.stream().filter(line -> line.kind() == ProductKind.PERMANENT).toList();
    }

    private OrderView view() {
        return new OrderView(orderId, userId, status, lines, total, placedAt, paymentDeadline, seats);
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
        this.seats = event.seats();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        this.status = OrderStatus.CANCELLED;
    }
}
