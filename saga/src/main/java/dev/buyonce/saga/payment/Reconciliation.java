package dev.buyonce.saga.payment;

import java.util.stream.Stream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.saga.provider.PaymentProvider;
import dev.buyonce.saga.provider.PaymentProviders;
import dev.buyonce.saga.provider.ProviderLedgerEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/admin/reconciliation, checked both ways, from the event store (never from a read model):
 * <ul>
 *   <li>provider to events: every capture in a provider's statement must be the payment of a paid order or
 *   refunded, by our events ({@code unexplained}), and no order may have more than one capture the provider
 *   did not refund ({@code ordersWithSeveralKeptCaptures});</li>
 *   <li>events to provider: every order our events say was paid must have that payment's capture in a
 *   provider's statement ({@code paidWithoutCapture}).</li>
 * </ul>
 */
@RestController
class Reconciliation {
    private final PaymentProviders providers;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    Reconciliation(PaymentProviders providers, EventStore events, JdbcTemplate jdbc,
                   @Qualifier("eventSerializer") Serializer serializer) {
        this.providers = providers;
        this.events = events;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    record Unexplained(String provider, PaymentId paymentId, OrderId orderId, Money amount) {
    }

    record Report(int captures, int refunds, List<Unexplained> unexplained, List<OrderId> ordersWithSeveralKeptCaptures,
                  List<PaidWithoutCapture> paidWithoutCapture) {
    }

    record PaidWithoutCapture(OrderId orderId, PaymentId paymentId, Money amount) {
    }

    /** What our events say about one order's money. */
    private record OrderMoney(PaymentId kept, Set<PaymentId> refunded) {
    }

    @GetMapping("/api/admin/reconciliation")
    Report reconcile() {
        int captures = 0;
        int refunds = 0;
        List<Unexplained> unexplained = new ArrayList<>();
        List<OrderId> chargedTwice = new ArrayList<>();
        Map<OrderId, OrderMoney> ours = new LinkedHashMap<>();
        Set<PaymentId> capturedByProviders = new HashSet<>();
        for (PaymentProvider provider : providers.all()) {
            Map<OrderId, Set<PaymentId>> notRefundedByProvider = new LinkedHashMap<>();
            List<ProviderLedgerEntry> ledger = provider.ledger();
            Set<PaymentId> refundedByProvider = new HashSet<>();
            ledger.stream().filter(e -> e.type().equals(ProviderLedgerEntry.REFUND)).forEach(e -> refundedByProvider.add(e.paymentId()));
            for (ProviderLedgerEntry entry : ledger) {
                if (entry.type().equals(ProviderLedgerEntry.REFUND)) {
                    refunds++;
                    continue;
                }
                captures++;
                capturedByProviders.add(entry.paymentId());
                OrderMoney money = ours.computeIfAbsent(entry.orderId(), this::moneyOf);
                if (!entry.paymentId().equals(money.kept()) && !money.refunded().contains(entry.paymentId())) {
                    unexplained.add(new Unexplained(provider.name(), entry.paymentId(), entry.orderId(), entry.amount()));
                }
                if (!refundedByProvider.contains(entry.paymentId())) {
                    notRefundedByProvider.computeIfAbsent(entry.orderId(), id -> new HashSet<>()).add(entry.paymentId());
                }
            }
            notRefundedByProvider.forEach((order, kept) -> {
                if (kept.size() > 1) {
                    chargedTwice.add(order);
                }
            });
        }
        List<PaidWithoutCapture> paidWithoutCapture = paidOrders()
                .filter(paid -> !capturedByProviders.contains(paid.paymentId()))
                .map(paid -> new PaidWithoutCapture(paid.orderId(), paid.paymentId(), paid.amount()))
                .toList();
        return new Report(captures, refunds, unexplained, chargedTwice, paidWithoutCapture);
    }

    /** Every payment of an order our events record, oldest first. */
    private Stream<OrderPaid> paidOrders() {
        return jdbc.query("SELECT payload, payload_type, payload_revision FROM domain_event_entry WHERE payload_type = ? "
                        + "ORDER BY global_index", (row, i) -> (OrderPaid) serializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes(1), byte[].class, row.getString(2), row.getString(3))),
                OrderPaid.class.getName()).stream();
    }

    private OrderMoney moneyOf(OrderId orderId) {
        PaymentId[] kept = new PaymentId[1];
        Set<PaymentId> refunded = new HashSet<>();
        events.readEvents(orderId.toString()).asStream().forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof OrderPaid paid) {
                kept[0] = paid.paymentId();
            } else if (payload instanceof OrderRefunded) {
                kept[0] = null;
            } else if (payload instanceof PaymentRefunded refund) {
                refunded.add(refund.paymentId());
            }
        });
        return new OrderMoney(kept[0], refunded);
    }
}
