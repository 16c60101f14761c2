package dev.buyonce.command.order;

import static org.mockito.Mockito.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

import dev.buyonce.command.coupon.CouponRedemptions;
import dev.buyonce.command.entitlement.EntitlementReservations;
import dev.buyonce.command.ticket.SeatReservations;
import dev.buyonce.command.entitlement.PurchasePending;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.CancellationReason;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {
    static final UserId ALICE = new UserId("alice");
    static final OrderId ORDER = OrderId.forIntent(ALICE, new IdempotencyKey("key-1"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);
    static final OrderLine LIFETIME = new OrderLine(new ProductId("lifetime"), ProductKind.PERMANENT, 1, Money.of("199.00", "CNY"));
    static final OrderLine COFFEE = new OrderLine(new ProductId("coffee"), ProductKind.CONSUMABLE, 2, Money.of("9.90", "CNY"));

    AggregateTestFixture<Order> fixture;
    RecordingReservations reservations;

    @BeforeEach
    void setUp() {
        reservations = new RecordingReservations();
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(mock(SeatReservations.class));
        fixture.registerInjectableResource(mock(CouponRedemptions.class));
        fixture.registerInjectableResource(reservations);
    }

    static PlaceOrder place(String fingerprint, OrderLine... lines) {
        return new PlaceOrder(ORDER, ALICE, List.of(lines), fingerprint, NOW, DEADLINE);
    }

    static OrderPlaced placed(String fingerprint, Money total, OrderLine... lines) {
        return new OrderPlaced(ORDER, ALICE, List.of(lines), total, NOW, DEADLINE, fingerprint);
    }

    @Test
    void placingAnOrderTotalsItsLinesAndReservesItsPermanentProduct() {
        fixture.givenNoPriorActivity()
                .when(place("fp", LIFETIME, COFFEE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed("fp", Money.of("218.80", "CNY"), LIFETIME, COFFEE))
                .expectResultMessagePayloadMatching(predicate(result -> result instanceof PlaceOrderResult r && !r.duplicated()));
        assertThat(reservations.calls).containsExactly("reserve lifetime " + ORDER);
    }

    @Test
    void theSameRequestAgainIsAReplayThatStoresNothing() {
        fixture.given(placed("fp", Money.of("19.80", "CNY"), COFFEE))
                .when(place("fp", COFFEE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new PlaceOrderResult(
                        new OrderView(ORDER, ALICE, OrderStatus.AWAITING_PAYMENT, List.of(COFFEE), Money.of("19.80", "CNY"), NOW, DEADLINE),
                        true));
        assertThat(reservations.calls).isEmpty();
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        fixture.given(placed("fp", Money.of("19.80", "CNY"), COFFEE))
                .when(place("another-fp", COFFEE))
                .expectException(IdempotencyKeyReused.class)
                .expectNoEvents();
    }

    @Test
    void aPendingPurchaseElsewhereRefusesTheWholeOrder() {
        reservations.refuseWith = new PurchasePending(LIFETIME.productId(), new OrderId(java.util.UUID.randomUUID()));
        fixture.givenNoPriorActivity()
                .when(place("fp", LIFETIME))
                .expectException(PurchasePending.class);
    }

    @Test
    void cancellingReleasesTheReservation() {
        fixture.given(placed("fp", Money.of("199.00", "CNY"), LIFETIME))
                .when(new CancelOrder(ORDER, ALICE, NOW.plusSeconds(5)))
                .expectEvents(new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, NOW.plusSeconds(5)));
        assertThat(reservations.calls).containsExactly("release lifetime " + ORDER);
    }

    @Test
    void cancellingACancelledOrderAnswersItAgainAndStoresNothing() {
        fixture.given(placed("fp", Money.of("19.80", "CNY"), COFFEE),
                        new OrderCancelled(ORDER, ALICE, CancellationReason.BY_CUSTOMER, NOW))
                .when(new CancelOrder(ORDER, ALICE, NOW.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(predicate(view -> view instanceof OrderView v && v.status() == OrderStatus.CANCELLED));
        assertThat(reservations.calls).isEmpty();
    }

    @Test
    void anotherUserCannotCancelAndLearnsNothing() {
        fixture.given(placed("fp", Money.of("19.80", "CNY"), COFFEE))
                .when(new CancelOrder(ORDER, new UserId("mallory"), NOW))
                .expectException(OrderNotFound.class)
                .expectNoEvents();
    }

    static class RecordingReservations implements EntitlementReservations {
        final List<String> calls = new ArrayList<>();
        RuntimeException refuseWith;

        @Override
        public void reserve(UserId user, ProductId product, OrderId orderId, Instant at) {
            if (refuseWith != null) {
                throw refuseWith;
            }
            calls.add("reserve " + product + " " + orderId);
        }

        @Override
        public void release(UserId user, ProductId product, OrderId orderId, Instant at) {
            calls.add("release " + product + " " + orderId);
        }
    }
}
