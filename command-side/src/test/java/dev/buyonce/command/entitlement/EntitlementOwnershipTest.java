package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementGranted;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.EntitlementRevoked;
import dev.buyonce.kernel.entitlement.GrantEntitlement;
import dev.buyonce.kernel.entitlement.ReserveEntitlement;
import dev.buyonce.kernel.entitlement.RevokeEntitlement;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owning through a paid order, exactly once; losing it through that order's refund, and buying again. */
class EntitlementOwnershipTest {
    static final UserId ALICE = new UserId("alice");
    static final ProductId LIFETIME = new ProductId("lifetime");
    static final EntitlementId ID = EntitlementId.of(ALICE, LIFETIME);
    static final OrderId FIRST = OrderId.forIntent(ALICE, new IdempotencyKey("first"));
    static final OrderId SECOND = OrderId.forIntent(ALICE, new IdempotencyKey("second"));
    static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    AggregateTestFixture<Entitlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
    }

    @Test
    void aPaidReservationBecomesOwned() {
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T))
                .when(new GrantEntitlement(ALICE, LIFETIME, FIRST, T))
                .expectEvents(new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T));
    }

    @Test
    void grantingTwiceChangesNothing() {
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T), new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T))
                .when(new GrantEntitlement(ALICE, LIFETIME, FIRST, T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOwnedProductCannotBeReservedAgain() {
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T), new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T))
                .when(new ReserveEntitlement(ALICE, LIFETIME, SECOND, T))
                .expectException(AlreadyOwned.class);
    }

    @Test
    void refundingThePayingOrderRevokesAndAllowsANewPurchase() {
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T), new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T))
                .when(new RevokeEntitlement(ALICE, LIFETIME, FIRST, T))
                .expectEvents(new EntitlementRevoked(ID, ALICE, LIFETIME, FIRST, T));
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T), new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T),
                        new EntitlementRevoked(ID, ALICE, LIFETIME, FIRST, T))
                .when(new ReserveEntitlement(ALICE, LIFETIME, SECOND, T))
                .expectEvents(new EntitlementReserved(ID, ALICE, LIFETIME, SECOND, T));
    }

    @Test
    void revokingThroughAnotherOrderChangesNothing() {
        fixture.given(new EntitlementReserved(ID, ALICE, LIFETIME, FIRST, T), new EntitlementGranted(ID, ALICE, LIFETIME, FIRST, T))
                .when(new RevokeEntitlement(ALICE, LIFETIME, SECOND, T))
                .expectNoEvents();
    }
}
