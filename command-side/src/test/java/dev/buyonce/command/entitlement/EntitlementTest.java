package dev.buyonce.command.entitlement;

import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.entitlement.EntitlementReservationReleased;
import dev.buyonce.kernel.entitlement.EntitlementReserved;
import dev.buyonce.kernel.entitlement.ImportOutcome;
import dev.buyonce.kernel.entitlement.ImportPurchase;
import dev.buyonce.kernel.entitlement.ImportedPurchase;
import dev.buyonce.kernel.entitlement.PurchaseImported;
import dev.buyonce.kernel.entitlement.ReleaseEntitlement;
import dev.buyonce.kernel.entitlement.ReserveEntitlement;
import dev.buyonce.kernel.order.OrderId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntitlementTest {
    static final UserId ALICE = new UserId("alice");
    static final ProductId LIFETIME = new ProductId("lifetime");
    static final EntitlementId ID = EntitlementId.of(ALICE, LIFETIME);
    static final OrderId FIRST = new OrderId(UUID.fromString("00000000-0000-5000-8000-000000000001"));
    static final OrderId SECOND = new OrderId(UUID.fromString("00000000-0000-5000-8000-000000000002"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant IN_2019 = Instant.parse("2019-03-01T08:00:00Z");

    AggregateTestFixture<Entitlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
    }

    static EntitlementReserved reserved(OrderId order) {
        return new EntitlementReserved(ID, ALICE, LIFETIME, order, NOW);
    }

    static PurchaseImported imported(String reference) {
        return new PurchaseImported(ID, ALICE, LIFETIME, reference, IN_2019, NOW);
    }

    static ImportPurchase importing(String reference) {
        return new ImportPurchase(new ImportedPurchase(ALICE, LIFETIME, IN_2019, reference), NOW);
    }

    @Test
    void theFirstOrderReservesTheProduct() {
        fixture.givenNoPriorActivity()
                .when(new ReserveEntitlement(ALICE, LIFETIME, FIRST, NOW))
                .expectEvents(reserved(FIRST));
    }

    @Test
    void reservingAgainForTheSameOrderIsANoOp() {
        fixture.given(reserved(FIRST))
                .when(new ReserveEntitlement(ALICE, LIFETIME, FIRST, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondOrderWhileTheFirstIsUnpaidIsRefusedNamingTheFirst() {
        fixture.given(reserved(FIRST))
                .when(new ReserveEntitlement(ALICE, LIFETIME, SECOND, NOW))
                .expectException(PurchasePending.class)
                .expectExceptionMessage("an unpaid order for lifetime exists")
                .expectNoEvents();
    }

    @Test
    void afterReleaseAnotherOrderMayReserve() {
        fixture.given(reserved(FIRST), new EntitlementReservationReleased(ID, ALICE, LIFETIME, FIRST, NOW))
                .when(new ReserveEntitlement(ALICE, LIFETIME, SECOND, NOW))
                .expectEvents(reserved(SECOND));
    }

    @Test
    void releasingForAnOrderThatHoldsNothingIsANoOp() {
        fixture.given(reserved(FIRST))
                .when(new ReleaseEntitlement(ALICE, LIFETIME, SECOND, NOW))
                .expectNoEvents();
    }

    @Test
    void aPurchaseImportedWithA2019DateBlocksANewOrderForever() {
        fixture.given(imported("legacy-42"))
                .when(new ReserveEntitlement(ALICE, LIFETIME, FIRST, NOW))
                .expectException(AlreadyOwned.class)
                .expectNoEvents();
    }

    @Test
    void importingRecordsOwnershipWithThePurchaseDate() {
        fixture.givenNoPriorActivity()
                .when(importing("legacy-42"))
                .expectEvents(imported("legacy-42"))
                .expectResultMessagePayload(ImportOutcome.IMPORTED);
    }

    @Test
    void reImportingTheSameReferenceChangesNothing() {
        fixture.given(imported("legacy-42"))
                .when(importing("legacy-42"))
                .expectNoEvents()
                .expectResultMessagePayload(ImportOutcome.SKIPPED);
    }

    @Test
    void aSecondLegacyPurchaseOfAnOwnedProductIsSkipped() {
        fixture.given(imported("legacy-42"))
                .when(importing("legacy-43"))
                .expectNoEvents()
                .expectResultMessagePayload(ImportOutcome.SKIPPED);
    }
}
