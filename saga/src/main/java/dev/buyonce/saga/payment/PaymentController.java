package dev.buyonce.saga.payment;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentAttemptView;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentStatus;
import dev.buyonce.kernel.payment.RequestPayment;
import dev.buyonce.kernel.payment.RequestPaymentResult;
import dev.buyonce.saga.provider.CreatedPayment;
import dev.buyonce.saga.provider.GuardedProviders;
import dev.buyonce.saga.provider.PaymentOrder;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderUnavailable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/orders/{orderId}/payments. The order decides (its own attempt, derived from the key); only then
 * is the payment created at the provider, idempotently by our payment id, so a replay finds the same one.
 * The customer waits for the pay URL, so that call is made here, guarded (timeout, circuit breaker): a
 * provider that does not answer makes it a 503 PROVIDER_UNAVAILABLE, and the same request again (same key)
 * creates the payment once the provider is back. The attempt stays on the order meanwhile; the saga closes
 * it if another is chosen or the deadline passes.
 */
@RestController
class PaymentController {
    private final OrderCommands orders;
    private final PaymentProviders providers;
    private final GuardedProviders guarded;
    private final Clock clock;

    PaymentController(OrderCommands orders, PaymentProviders providers, GuardedProviders guarded, Clock clock) {
        this.orders = orders;
        this.providers = providers;
        this.guarded = guarded;
        this.clock = clock;
    }

    record PaymentRequestBody(@NotBlank @Size(max = 64) String channel) {
    }

    record PaymentAnswer(PaymentId paymentId, OrderId orderId, String channel, PaymentStatus status, Money amount,
                         String payUrl, boolean duplicated) {
    }

    @PostMapping("/api/orders/{orderId}/payments")
    ResponseEntity<PaymentAnswer> pay(UserId user, @PathVariable String orderId,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String keyHeader,
                                      @Valid @RequestBody PaymentRequestBody body) {
        IdempotencyKey key = IdempotencyKey.fromHeader(keyHeader);
        OrderId id = OrderId.parse(orderId).orElseThrow(() ->
                new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found"));
        PaymentProvider provider = providers.forChannel(body.channel()).orElseThrow(() -> new RuleViolation(
                ErrorCode.VALIDATION_FAILED, "channel: no provider serves channel " + body.channel(),
                Map.of("errors", List.of(Map.of("field", "channel", "message", "unknown channel")))));
        PaymentId paymentId = PaymentId.forAttempt(id, key);
        RequestPayment command = new RequestPayment(id, paymentId, user, provider.name(), body.channel(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        RequestPaymentResult result = orders.sendForKey(command, orderId,
                MetaData.with("userId", user.value()).and("idempotencyKey", key.value()));
        PaymentAttemptView attempt = result.attempt();
        PaymentOrder order = new PaymentOrder(paymentId, id, attempt.channel(), attempt.amount());
        CreatedPayment created;
        try {
            created = guarded.call(result.provider(), "create", chosen -> chosen.create(order));
        } catch (ProviderUnavailable e) {
            throw new RuleViolation(ErrorCode.PROVIDER_UNAVAILABLE, "the payment provider is not answering; send the"
                    + " same request again (same Idempotency-Key) in a moment",
                    Map.of("paymentId", paymentId.toString(), "retryAfterSeconds", 5));
        }
        PaymentAnswer answer = new PaymentAnswer(paymentId, id, attempt.channel(), attempt.status(), attempt.amount(),
                created.payUrl(), result.duplicated());
        if (result.duplicated()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(answer);
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/orders/" + id + "/payments").body(answer);
    }
}
