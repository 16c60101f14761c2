package dev.buyonce.query.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
import dev.buyonce.kernel.entitlement.EntitlementStatus;
import dev.buyonce.kernel.entitlement.EntitlementView;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An entitlement as it stood at any instant, rebuilt from its events by when each took effect: a legacy
 * purchase counts from its purchase date (not from when it was imported), a reservation from when the order
 * was placed, a paid purchase from its payment until a refund revokes it. Needs no projection, so it is always complete.
 */
@Component
class EntitlementTimeline {
    private final EventStore events;

    EntitlementTimeline(EventStore events) {
        this.events = events;
    }

    private record Effect(Instant at, long sequence, UnaryOperator<EntitlementView> change) {
    }

    EntitlementView asOf(UserId user, ProductId product, Instant instant) {
        List<Effect> effects = new ArrayList<>();
        events.readEvents(EntitlementId.of(user, product).toString()).asStream()
                .forEach(event -> effectOf(event, product, effects));
        EntitlementView state = EntitlementView.none(product);
        for (Effect effect : effects.stream()
                .filter(e -> !e.at().isAfter(instant))
                .sorted(Comparator.comparing(Effect::at).thenComparing(Effect::sequence))
                .toList()) {
            state = effect.change().apply(state);
        }
        return state;
    }

    private static void effectOf(DomainEventMessage<?> message, ProductId product, List<Effect> effects) {
        long sequence = message.getSequenceNumber();
        Object payload = message.getPayload();
        if (payload instanceof EntitlementReserved e) {
            effects.add(new Effect(e.reservedAt(), sequence, s -> s.status() == EntitlementStatus.OWNED ? s
                    : new EntitlementView(product, EntitlementStatus.PENDING, e.orderId(), e.reservedAt(), null)));
        } else if (payload instanceof EntitlementReservationReleased e) {
            effects.add(new Effect(e.releasedAt(), sequence, s -> s.status() == EntitlementStatus.PENDING
                    && e.orderId().equals(s.orderId()) ? EntitlementView.none(product) : s));
        } else if (payload instanceof EntitlementGranted e) {
            effects.add(new Effect(e.grantedAt(), sequence, s -> s.status() == EntitlementStatus.OWNED ? s
                    : new EntitlementView(product, EntitlementStatus.OWNED, e.orderId(), e.grantedAt(), null)));
        } else if (payload instanceof EntitlementRevoked e) {
            effects.add(new Effect(e.revokedAt(), sequence, s -> s.status() == EntitlementStatus.OWNED
                    && e.orderId().equals(s.orderId()) ? EntitlementView.none(product) : s));
        } else if (payload instanceof PurchaseImported e) {
            effects.add(new Effect(e.purchasedAt(), sequence, s -> s.status() == EntitlementStatus.OWNED ? s
                    : new EntitlementView(product, EntitlementStatus.OWNED, null, e.purchasedAt(), e.reference())));
        }
    }
}
