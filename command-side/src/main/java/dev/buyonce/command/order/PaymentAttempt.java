package dev.buyonce.command.order;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentAttemptView;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentStatus;
import java.time.Instant;
import java.util.Objects;

/** One payment attempt as the order remembers it; state changes only in the order's event sourcing handlers. */
final class PaymentAttempt {
    final PaymentId paymentId;
    final String provider;
    final String channel;
    final Money amount;
    final Instant requestedAt;
    PaymentStatus status = PaymentStatus.PENDING;
    /** Set once a capture of this attempt was refused: it is refunded, never kept. */
    boolean captureRejected;
    String flag;

    PaymentAttempt(PaymentId paymentId, String provider, String channel, Money amount, Instant requestedAt) {
        this.paymentId = paymentId;
        this.provider = provider;
        this.channel = channel;
        this.amount = amount;
        this.requestedAt = requestedAt;
    }

    /** By value, so that the test fixture can compare state built by commands with state sourced from events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentAttempt that && paymentId.equals(that.paymentId) && provider.equals(that.provider)
                && channel.equals(that.channel) && amount.equals(that.amount) && requestedAt.equals(that.requestedAt)
                && status == that.status && captureRejected == that.captureRejected && Objects.equals(flag, that.flag);
    }

    @Override
    public int hashCode() {
        return paymentId.hashCode();
    }

    PaymentAttemptView view(OrderId orderId) {
        return new PaymentAttemptView(paymentId, orderId, channel, status, amount, requestedAt, flag);
    }
}
