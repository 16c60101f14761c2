package dev.buyonce.saga.payment;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One provider call waiting to be made, as stored with its db-scheduler task (Java-serialized, so only plain
 * values). {@code metaData} is the audit metadata (user, key, correlation) of the saga message that asked
 * for it, carried onto the command that reports the outcome.
 */
record ProviderCall(Operation operation, String orderId, String paymentId, String provider, BigDecimal amount,
                    String currency, HashMap<String, String> metaData) implements Serializable {

    enum Operation { CHECK, SETTLE, REFUND }

    static ProviderCall of(Operation operation, OrderId orderId, PaymentId paymentId, String provider, Money amount,
                           Map<String, ?> metaData) {
        HashMap<String, String> audit = new HashMap<>();
        metaData.forEach((key, value) -> audit.put(key, String.valueOf(value)));
        return new ProviderCall(operation, orderId.toString(), paymentId.toString(), provider,
                amount == null ? null : amount.amount(), amount == null ? null : amount.currency(), audit);
    }

    /** The task instance id: one waiting call per operation and payment. */
    static String instanceId(Operation operation, PaymentId paymentId) {
        return operation.name().toLowerCase() + ":" + paymentId;
    }

    String instanceId() {
        return instanceId(operation, payment());
    }

    OrderId order() {
        return new OrderId(UUID.fromString(orderId));
    }

    PaymentId payment() {
        return new PaymentId(UUID.fromString(paymentId));
    }

    Money money() {
        return new Money(amount, currency);
    }
}
