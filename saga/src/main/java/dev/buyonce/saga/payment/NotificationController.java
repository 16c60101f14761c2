package dev.buyonce.saga.payment;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.payment.RecordPaymentCapture;
import dev.buyonce.saga.provider.PaymentNotification;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider webhook. Authenticated by the provider's signature (not a user token); a repeated event id
 * is acknowledged from the inbox; a new one is told to the order, which keeps at most one capture and rejects
 * the rest (the saga refunds those). A 2xx is given only once the order has it, so the provider re-sends
 * anything we did not take.
 */
@RestController
class NotificationController {
    private final PaymentProviders providers;
    private final NotificationInbox inbox;
    private final OrderCommands orders;
    private final Clock clock;

    NotificationController(PaymentProviders providers, NotificationInbox inbox, OrderCommands orders, Clock clock) {
        this.providers = providers;
        this.inbox = inbox;
        this.orders = orders;
        this.clock = clock;
    }

    record Acknowledged(String eventId, boolean duplicate) {
    }

    @PostMapping("/api/payments/notifications/{provider}")
    Acknowledged receive(@PathVariable String provider, @RequestHeader HttpHeaders headers,
                         @RequestBody(required = false) String body) {
        PaymentProvider source = providers.byName(provider).orElseThrow(() ->
                new RuleViolation(ErrorCode.NOT_FOUND, "no payment provider " + provider));
        Instant now = clock.instant();
        PaymentNotification notification = source.verify(lowerCase(headers), body == null ? "" : body, now);
        if (inbox.handled(provider, notification.eventId())) {
            return new Acknowledged(notification.eventId(), true);
        }
        orders.send(new RecordPaymentCapture(notification.orderId(), notification.paymentId(), provider,
                notification.amount(), notification.capturedAt()), notification.orderId().toString(),
                MetaData.with("providerEventId", notification.eventId()));
        inbox.record(provider, notification, now);
        return new Acknowledged(notification.eventId(), false);
    }

    private static Map<String, String> lowerCase(HttpHeaders headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(), String.join(",", values)));
        return lower;
    }
}
