package dev.buyonce.saga.sandbox;

import dev.buyonce.saga.PaymentSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.saga.provider.CreatedPayment;
import dev.buyonce.saga.provider.NotificationRejected;
import dev.buyonce.saga.provider.PaymentNotification;
import dev.buyonce.saga.provider.PaymentOrder;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.ProviderLedgerEntry;
import dev.buyonce.saga.provider.ProviderPayment;
import dev.buyonce.saga.provider.RefundOutcome;
import dev.buyonce.saga.provider.RefundRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The adapter from our provider port to the sandbox, exactly as an Alipay or Stripe adapter would be written. */
@Component
@ConditionalOnProperty(name = "buyonce.payments.sandbox.enabled", havingValue = "true")
class SandboxProvider implements PaymentProvider {
    static final String NAME = "sandbox";
    private static final Set<String> CHANNELS = Set.of("sandbox-card", "sandbox-wallet");
    private final SandboxBank bank;
    private final SandboxSignature signature;
    private final ObjectMapper json;

    SandboxProvider(SandboxBank bank, PaymentSettings settings, ObjectMapper json) {
        this.bank = bank;
        this.signature = new SandboxSignature(settings.sandbox().webhookSecret());
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> channels() {
        return CHANNELS;
    }

    @Override
    public CreatedPayment create(PaymentOrder order) {
        bank.create(order);
        return new CreatedPayment(order.paymentId(), "/sandbox/payments/" + order.paymentId() + "/pay");
    }

    @Override
    public ProviderPayment query(PaymentId paymentId) {
        return bank.query(paymentId);
    }

    @Override
    public ProviderPayment close(PaymentId paymentId) {
        return bank.close(paymentId);
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return bank.refund(request);
    }

    @Override
    public PaymentNotification verify(Map<String, String> headers, String body, Instant now) {
        signature.verify(headers.get(SandboxSignature.HEADER.toLowerCase()), body == null ? "" : body, now);
        try {
            SandboxNotice notice = json.readValue(body, SandboxNotice.class);
            if (!SandboxNotice.CAPTURED.equals(notice.type())) {
                throw NotificationRejected.malformed("unknown notification type " + notice.type());
            }
            return new PaymentNotification(notice.id(), new PaymentId(UUID.fromString(notice.paymentId())),
                    new OrderId(UUID.fromString(notice.orderId())),
                    Money.of(notice.amount().amount(), notice.amount().currency()), Instant.parse(notice.capturedAt()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotificationRejected rejected) {
                throw rejected;
            }
            throw NotificationRejected.malformed("notification body is not a sandbox capture notice");
        }
    }

    @Override
    public List<ProviderLedgerEntry> ledger() {
        return bank.ledger();
    }
}
