package dev.buyonce.saga.provider;

import dev.buyonce.kernel.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The port every payment provider (Alipay, WeChat Pay, Stripe, the sandbox) is adapted to. Our payment id
 * is the merchant payment number and our refund id the refund request number, so every call is idempotent
 * at the provider too: creating, closing or refunding again finds what the first call did.
 */
public interface PaymentProvider {

    /** The name in the webhook path, {@code /api/payments/notifications/{name}}. */
    String name();

    /** The channels a customer may choose that this provider serves. */
    Set<String> channels();

    /** Creates the provider's payment, or finds the one created before under the same merchant payment number. */
    CreatedPayment create(PaymentOrder order);

    ProviderPayment query(PaymentId paymentId);

    /** Closes an unpaid payment so it can no longer be paid; a captured one stays captured and is answered as such. */
    ProviderPayment close(PaymentId paymentId);

    RefundOutcome refund(RefundRequest request);

    /**
     * Authenticates a notification (signature, timestamp tolerance) and reads it.
     *
     * @param headers request headers, names in lower case
     * @throws NotificationRejected when it is malformed (400), forged or stale (401)
     */
    PaymentNotification verify(Map<String, String> headers, String body, Instant now);

    /** The provider's statement of captures and refunds (a settlement report), for reconciliation. */
    List<ProviderLedgerEntry> ledger();
}
