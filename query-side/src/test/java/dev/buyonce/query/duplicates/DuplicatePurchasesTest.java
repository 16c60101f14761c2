package dev.buyonce.query.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.query.ProjectionTest;
import dev.buyonce.query.duplicates.DuplicatePurchases.Suspect;
import dev.buyonce.query.duplicates.DuplicatePurchases.SuspectOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumable purchases, recorded once per (order, product), and the pairs that look like one intent twice. */
class DuplicatePurchasesTest extends ProjectionTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final OrderLine LIFETIME = new OrderLine(new ProductId("lifetime"), ProductKind.PERMANENT, 1, Money.of("199.00", "CNY"));
    static final OrderLine TWO_COFFEES = new OrderLine(new ProductId("coffee"), ProductKind.CONSUMABLE, 2, Money.of("9.90", "CNY"));
    static final OrderLine CAKE = new OrderLine(new ProductId("cake"), ProductKind.CONSUMABLE, 1, Money.of("12.00", "CNY"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static OrderPlaced placed(UserId user, String key, Instant at, OrderLine... lines) {
        Money total = List.of(lines).stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        return new OrderPlaced(OrderId.forIntent(user, new IdempotencyKey(key)), user, List.of(lines), total, at,
                at.plusSeconds(900), key);
    }

    static final OrderPlaced BREAKFAST = placed(ALICE, "k1", NOW, TWO_COFFEES, CAKE, LIFETIME);
    static final OrderPlaced COFFEES_AGAIN = placed(ALICE, "k2", NOW.plusSeconds(120), TWO_COFFEES);
    static final OrderPlaced ONLY_LIFETIME = placed(BOB, "k3", NOW.plusSeconds(5), LIFETIME);
    static final List<Stored> HISTORY = List.of(at(0, BREAKFAST), at(0, ONLY_LIFETIME), at(0, COFFEES_AGAIN));

    DuplicatePurchases purchases;

    DuplicatePurchasesTest() {
        super(HISTORY, Map.of("consumable_purchase_view", "created_at, order_id, product_id"));
    }

    @BeforeEach
    void setUp() {
        purchases = under(new DuplicatePurchases(jdbc));
    }

    static Map<String, Object> purchase(OrderPlaced order, String product) {
        return columns("order_id", order.orderId().value(), "product_id", product, "user_id", order.userId().value(),
                "total_amount", order.total().amount(), "total_currency", "CNY", "created_at", order.placedAt());
    }

    @Test
    void recordsEachConsumableLineWithTheOrderTotalAndNoPermanentOne() {
        given(HISTORY);

        assertThat(BREAKFAST.total().amount()).isEqualTo(new BigDecimal("230.80"));
        assertThat(rows("consumable_purchase_view")).containsExactly(
                purchase(BREAKFAST, "cake"), purchase(BREAKFAST, "coffee"), purchase(COFFEES_AGAIN, "coffee"));
    }

    @Test
    void theSameProductTwiceInOneOrderIsOnePurchase() {
        given(at(0, placed(BOB, "k4", NOW, TWO_COFFEES, TWO_COFFEES)));

        assertThat(rows("consumable_purchase_view")).extracting(row -> row.get("product_id")).containsExactly("coffee");
    }

    @Test
    void pairsTheSameProductAndTotalBoughtTwiceWithinTenMinutes() {
        OrderPlaced first = placed(ALICE, "a", NOW, TWO_COFFEES);
        OrderPlaced second = placed(ALICE, "b", NOW.plus(Duration.ofMinutes(10)), TWO_COFFEES);
        given(at(0, first), at(0, second));

        assertThat(purchases.suspects(NOW.minusSeconds(3600))).containsExactly(new Suspect("alice", "coffee",
                Money.of("19.80", "CNY"), List.of(new SuspectOrder(first.orderId().value(), NOW),
                new SuspectOrder(second.orderId().value(), NOW.plus(Duration.ofMinutes(10))))));
    }

    @Test
    void pairsNothingLaterThanTenMinutesForAnotherTotalOrByAnotherUser() {
        given(at(0, placed(ALICE, "a", NOW, TWO_COFFEES)),
                at(0, placed(ALICE, "late", NOW.plus(Duration.ofMinutes(10)).plusSeconds(1), TWO_COFFEES)),
                at(0, placed(ALICE, "more", NOW.plusSeconds(60), TWO_COFFEES, CAKE)),
                at(0, placed(BOB, "b", NOW.plusSeconds(60), TWO_COFFEES)));

        assertThat(purchases.suspects(NOW.minusSeconds(3600))).isEmpty();
    }

    @Test
    void listsOnlyPairsWhoseFirstPurchaseIsSinceTheGivenInstant() {
        given(at(0, placed(ALICE, "a", NOW, TWO_COFFEES)), at(0, placed(ALICE, "b", NOW.plusSeconds(60), TWO_COFFEES)));

        assertThat(purchases.suspects(NOW)).hasSize(1);
        assertThat(purchases.suspects(NOW.plusSeconds(1))).isEmpty();
    }
}
