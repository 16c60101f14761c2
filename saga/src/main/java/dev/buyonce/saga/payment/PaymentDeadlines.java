package dev.buyonce.saga.payment;

import dev.buyonce.kernel.order.OrderId;

/**
 * The payloads of the payment saga's deadlines (stored with them by db-scheduler). A deadline handler's
 * first parameter is its payload, so each deadline carries one naming the order it is about.
 */
final class PaymentDeadlines {
    private PaymentDeadlines() {
    }

    record PaymentDeadlineDue(OrderId orderId) {
    }

    record StatusCheckDue(OrderId orderId) {
    }

    record RefundRetryDue(OrderId orderId) {
    }
}
