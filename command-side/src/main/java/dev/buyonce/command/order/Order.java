package dev.buyonce.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.buyonce.command.coupon.CouponRedemptions;
import dev.buyonce.command.entitlement.EntitlementOwnership;
import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.coupon.CouponId;
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
import dev.buyonce.kernel.payment.CaptureRejection;
import dev.buyonce.kernel.payment.ExpireOrder;
import dev.buyonce.kernel.payment.ExpireUnattemptedOrder;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefundRequested;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.PaymentStatus;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.kernel.payment.RecordPaymentClosed;
import dev.buyonce.kernel.payment.RecordPaymentRefund;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.kernel.payment.RefundOrder;
import dev.buyonce.kernel.payment.RequestPayment;
import dev.buyonce.kernel.payment.RequestPaymentResult;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One client intent to buy. Its id is derived from (user, Idempotency-Key), so every retry of the intent
 * meets this aggregate again and is answered with the order it placed, never with a second one. What the
 * order needs besides itself (a permanent product's reservation, its grant when paid, its revocation when
 * refunded; a ticket order's seats and tickets given back when it is cancelled, its seats sold when it is
 * paid; the coupon claim it uses, taken when it is placed and given back when it is cancelled unpaid) happens in
 * the same unit of work, so every view fed by those events shows it as soon as the
 * command has answered. It keeps one capture at most: every other capture it is told
 * about is rejected by an event, which the payment saga answers with a refund.
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
    private final Map<PaymentId, PaymentAttempt> attempts = new LinkedHashMap<>();
    /** A payment was asked for (a capture of an unknown attempt, rejected, leaves it false). */
    private boolean paymentRequested;
    private PaymentId paidWith;
    private boolean refundRequested;
    // held in the same unit of work by TicketOrderHandler; given back, or sold, by this order's own handlers
    private ProgramId programId;
    private List<SeatId> seats = List.of();
    // the user's coupon claim it uses (CouponRedemptions), and what the claim took off the lines' sum
    private CouponId couponId;
    private Money discount;

    Order() {
        // created empty by the repository (create-if-missing); the first event identifies it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PlaceOrderResult handle(PlaceOrder command, EntitlementReservations reservations, CouponRedemptions coupons) {
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
        Money off = command.couponId() == null ? null
                : coupons.redeem(command.userId(), command.couponId(), command.orderId(), sum, command.placedAt());
        apply(new OrderPlaced(command.orderId(), command.userId(), command.lines(), off == null ? sum : sum.minus(off),
                command.placedAt(), command.paymentDeadline(), command.requestFingerprint(), command.programId(),
                command.seats(), command.couponId(), off));
        permanentLines().forEach(line ->
                reservations.reserve(userId, line.productId(), orderId, command.placedAt()));
        return new PlaceOrderResult(view(), false);
    }

    /** Cancels on the owner's request; cancelling again answers the same. Another user's order is "not found". */
    @CommandHandler
    OrderView handle(CancelOrder command, EntitlementReservations reservations, SeatReservations seatReservations,
                     CouponRedemptions coupons) {
        if (!userId.equals(command.requestedBy())) {
            throw new OrderNotFound(orderId.toString());
        }
        if (status == OrderStatus.CANCELLED) {
            return view();
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new OrderNotCancellable(orderId, status);
        }
        cancel(CancellationReason.BY_CUSTOMER, command.at(), reservations, seatReservations, coupons);
        return view();
    }

    /**
     * Opens a payment attempt, or answers the one this key opened (forever, whatever the order's state now).
     * Choosing another channel is a new attempt; the payment saga closes the earlier one.
     */
    @CommandHandler
    RequestPaymentResult handle(RequestPayment command) {
        if (!userId.equals(command.requestedBy())) {
            throw new OrderNotFound(orderId.toString());
        }
        PaymentAttempt known = attempts.get(command.paymentId());
        if (known != null) {
            if (!known.channel.equals(command.channel())) {
                throw new IdempotencyKeyReused(orderId);
            }
            return new RequestPaymentResult(known.view(orderId), known.provider, true);
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new OrderNotPayable(orderId, status);
        }
        apply(new PaymentRequested(orderId, command.paymentId(), userId, command.provider(), command.channel(), total,
                command.at(), paymentDeadline));
        PaymentAttempt opened = attempts.get(command.paymentId());
        return new RequestPaymentResult(opened.view(orderId), opened.provider, false);
    }

    /**
     * Money was captured. The first matching capture of an unpaid order pays it (and grants its permanent
     * products); the same capture again changes nothing; any other capture is rejected, once, to be refunded.
     * So is the capture of an order one of whose permanent products the user came to own another way (an
     * imported purchase) while it waited: that order is cancelled, never charged.
     */
    @CommandHandler
    void handle(RecordPaymentCapture command, EntitlementOwnership ownership, EntitlementReservations reservations,
                SeatReservations seatReservations, CouponRedemptions coupons) {
        PaymentAttempt attempt = attempts.get(command.paymentId());
        if (command.paymentId().equals(paidWith) || (attempt != null && attempt.captureRejected)) {
            return;
        }
        CaptureRejection rejection = rejectionOf(attempt, command);
        if (rejection != null) {
            apply(new PaymentCaptureRejected(orderId, command.paymentId(), command.provider(), command.amount(),
                    rejection, command.capturedAt()));
            return;
        }
        if (permanentLines().stream().anyMatch(line -> ownership.ownedOtherwise(userId, line.productId(), orderId))) {
            // bought another way while this order waited (an import): refund this money, end the order
            apply(new PaymentCaptureRejected(orderId, command.paymentId(), command.provider(), command.amount(),
                    CaptureRejection.PRODUCT_ALREADY_OWNED, command.capturedAt()));
            cancel(CancellationReason.PRODUCT_ALREADY_OWNED, command.capturedAt(), reservations, seatReservations, coupons);
            return;
        }
        apply(new OrderPaid(orderId, userId, command.paymentId(), command.amount(), command.capturedAt()));
        permanentLines().forEach(line -> ownership.grant(userId, line.productId(), orderId, command.capturedAt()));
        if (!seats.isEmpty()) {
            seatReservations.sell(programId, seats, orderId, command.capturedAt());
        }
    }

    /** Ends the order and gives back, in this unit of work, what it reserved: products, seats, tickets and coupon. */
    private void cancel(CancellationReason reason, Instant at, EntitlementReservations reservations,
                        SeatReservations seatReservations, CouponRedemptions coupons) {
        apply(new OrderCancelled(orderId, userId, reason, at));
        permanentLines().forEach(line -> reservations.release(userId, line.productId(), orderId, at));
        if (!seats.isEmpty()) {
            seatReservations.release(userId, programId, seats, orderId, at);
        }
        if (couponId != null) {
            coupons.giveBack(userId, couponId, orderId, at);
        }
    }

    private CaptureRejection rejectionOf(PaymentAttempt attempt, RecordPaymentCapture command) {
        if (attempt == null) {
            return CaptureRejection.UNKNOWN_ATTEMPT;
        }
        return switch (status) {
            case CANCELLED -> CaptureRejection.ORDER_CANCELLED;
            case PAID -> CaptureRejection.ALREADY_PAID;
            case REFUNDED -> CaptureRejection.ORDER_REFUNDED;
            case AWAITING_PAYMENT -> total.equals(command.amount()) ? null : CaptureRejection.AMOUNT_MISMATCH;
        };
    }

    @CommandHandler
    void handle(RecordPaymentClosed command) {
        PaymentAttempt attempt = attempts.get(command.paymentId());
        if (attempt != null && attempt.status == PaymentStatus.PENDING) {
            apply(new PaymentAttemptClosed(orderId, command.paymentId(), command.at()));
        }
    }

    /** Cancels an order still awaiting payment at its deadline; a paid, cancelled or refunded order is left alone. */
    @CommandHandler
    void handle(ExpireOrder command, EntitlementReservations reservations, SeatReservations seatReservations,
                CouponRedemptions coupons) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            return;
        }
        cancel(CancellationReason.PAYMENT_DEADLINE_PASSED, command.at(), reservations, seatReservations, coupons);
    }

    /**
     * Cancels an order still awaiting payment whose deadline passed without any payment attempt. An order that
     * has (or had) an attempt is left to its payment saga, which settles the attempts with the provider first.
     */
    @CommandHandler
    void handle(ExpireUnattemptedOrder command, EntitlementReservations reservations,
                SeatReservations seatReservations, CouponRedemptions coupons) {
        if (status != OrderStatus.AWAITING_PAYMENT || paymentRequested || command.at().isBefore(paymentDeadline)) {
            return;
        }
        cancel(CancellationReason.PAYMENT_DEADLINE_PASSED, command.at(), reservations, seatReservations, coupons);
    }

    @CommandHandler
    OrderView handle(RefundOrder command) {
        if (status == OrderStatus.REFUNDED || refundRequested) {
            return view();
        }
        if (status != OrderStatus.PAID) {
            throw new OrderNotRefundable(orderId, status);
        }
        PaymentAttempt paid = attempts.get(paidWith);
        apply(new OrderRefundRequested(orderId, userId, paidWith, paid.provider, RefundId.forPayment(paidWith),
                paid.amount, command.requestedBy(), command.at()));
        return view();
    }

    /**
     * The provider refunded an attempt. Refunding the paid attempt refunds the order and takes back what it
     * gave: its permanent products are revoked, its seats are free again and its tickets back in the allowance.
     */
    @CommandHandler
    void handle(RecordPaymentRefund command, EntitlementOwnership ownership, SeatReservations seatReservations) {
        PaymentAttempt attempt = attempts.get(command.paymentId());
        if (attempt != null && attempt.status == PaymentStatus.REFUNDED) {
            return;
        }
        apply(new PaymentRefunded(orderId, command.paymentId(), command.refundId(), command.amount(),
                command.refundedAt()));
        if (command.paymentId().equals(paidWith) && status == OrderStatus.PAID) {
            apply(new OrderRefunded(orderId, userId, paidWith, command.amount(), command.refundedAt()));
            permanentLines().forEach(line -> ownership.revoke(userId, line.productId(), orderId, command.refundedAt()));
            if (!seats.isEmpty()) {
                // a refunded ticket order's seats are for sale again and its tickets back in the user's allowance
                seatReservations.release(userId, programId, seats, orderId, command.refundedAt());
            }
        }
    }

    private List<OrderLine> permanentLines() {
        return lines.stream().filter(line -> line.kind() == ProductKind.PERMANENT).toList();
    }

    private OrderView view() {
        return new OrderView(orderId, userId, status, lines, total, placedAt, paymentDeadline, seats, couponId, discount);
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
        this.programId = event.programId();
        this.seats = event.seats();
        this.couponId = event.couponId();
        this.discount = event.discount();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        this.status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentRequested = true;
        attempts.put(event.paymentId(), new PaymentAttempt(event.paymentId(), event.provider(), event.channel(),
                event.amount(), event.requestedAt()));
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        this.status = OrderStatus.PAID;
        this.paidWith = event.paymentId();
        attempts.get(event.paymentId()).status = PaymentStatus.CAPTURED;
    }

    @EventSourcingHandler
    void on(PaymentCaptureRejected event) {
        PaymentAttempt attempt = attempts.computeIfAbsent(event.paymentId(), id ->
                new PaymentAttempt(id, event.provider(), "unknown", event.amount(), event.at()));
        attempt.status = PaymentStatus.CAPTURED;
        attempt.captureRejected = true;
        attempt.flag = event.reason().name();
    }

    @EventSourcingHandler
    void on(PaymentAttemptClosed event) {
        attempts.get(event.paymentId()).status = PaymentStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(OrderRefundRequested event) {
        this.refundRequested = true;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        PaymentAttempt attempt = attempts.get(event.paymentId());
        if (attempt != null) {
            attempt.status = PaymentStatus.REFUNDED;
        }
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        this.status = OrderStatus.REFUNDED;
    }
}
