package dev.buyonce.saga.sandbox;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.saga.provider.ProviderLedgerEntry;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's own surface: the paying customer's button and the provider's statement. */
@RestController
@ConditionalOnProperty(name = "buyonce.payments.sandbox.enabled", havingValue = "true")
class SandboxController {
    private final SandboxBank bank;
    private final SandboxNotifier notifier;

    SandboxController(SandboxBank bank, SandboxNotifier notifier) {
        this.bank = bank;
        this.notifier = notifier;
    }

    /** DELIVER sends the callback, DROP loses it, DUPLICATE sends it twice. */
    enum Notification {
        DELIVER, DROP, DUPLICATE
    }

    record PayRequest(Notification notification, Boolean force) {
    }

    record Paid(String paymentId, String orderId, String status, ProviderLedgerEntry capture, Notification notification) {
    }

    @PostMapping("/sandbox/payments/{paymentId}/pay")
    Paid pay(@PathVariable String paymentId, @RequestBody(required = false) PayRequest request) {
        PaymentId id = PaymentId.parse(paymentId).orElseThrow(() ->
                new RuleViolation(ErrorCode.NOT_FOUND, "no sandbox payment " + paymentId));
        Notification notification = request == null || request.notification() == null
                ? Notification.DELIVER : request.notification();
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        SandboxBank.Capture capture = bank.pay(id, force);
        switch (notification) {
            case DELIVER -> notifier.notifyCaptured(capture, 1);
            case DUPLICATE -> notifier.notifyCaptured(capture, 2);
            case DROP -> {
            }
        }
        return new Paid(paymentId, capture.orderId().toString(), SandboxBank.PAID,
                new ProviderLedgerEntry(capture.paymentId(), capture.orderId(), ProviderLedgerEntry.CAPTURE,
                        capture.amount(), capture.capturedAt()), notification);
    }

    @GetMapping("/sandbox/ledger")
    List<ProviderLedgerEntry> ledger() {
        return bank.ledger();
    }
}
