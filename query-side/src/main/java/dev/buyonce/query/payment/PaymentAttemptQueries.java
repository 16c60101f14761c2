package dev.buyonce.query.payment;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentAttemptView;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentStatus;
import dev.buyonce.query.order.OrderQueries;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** GET /api/orders/{orderId}/payments: the attempts of one of the caller's orders, oldest first. */
@RestController
@Transactional(readOnly = true)
class PaymentAttemptQueries {
    private final PaymentAttemptViewRepository repository;
    private final OrderQueries orders;

    PaymentAttemptQueries(PaymentAttemptViewRepository repository, OrderQueries orders) {
        this.repository = repository;
        this.orders = orders;
    }

    @GetMapping("/api/orders/{orderId}/payments")
    List<PaymentAttemptView> attempts(UserId user, @PathVariable String orderId) {
        OrderId id = OrderId.parse(orderId).filter(candidate -> orders.find(user, candidate).isPresent())
                .orElseThrow(() -> new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found"));
        return repository.findByOrderIdOrderByRequestedAtAscPaymentIdAsc(id.value()).stream()
                .map(row -> new PaymentAttemptView(new PaymentId(row.paymentId), id, row.channel,
                        PaymentStatus.valueOf(row.status), new Money(row.amount, row.currency), row.requestedAt, row.flag))
                .toList();
    }
}
