package dev.buyonce.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buyonce.kernel.entitlement.EntitlementId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.RefundId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the id scheme every aggregate is keyed by. The expected values were computed outside
 * Java, with Python's RFC implementation of name-based UUIDs:
 * {@code uuid.uuid5(uuid.UUID("6f1c2a8e-8d4b-5b7e-9c1a-b0e5e0ce0001"), "\x1f".join(parts))}.
 * Any change of namespace, hash, joining or encoding fails here before it re-keys stored aggregates.
 */
class DeterministicIdsTest {

    @Test
    void derivesTheVersion5UuidOfThePartsJoinedByUnitSeparators() {
        assertThat(DeterministicIds.of("a")).hasToString("728c1127-2c6e-52db-a8e2-9a88f2590952");
        assertThat(DeterministicIds.of("a", "b")).hasToString("bd3862b8-4a94-5db5-8c49-fc44ac811c02");
        assertThat(DeterministicIds.of("ab")).hasToString("f0153bdf-47c3-5f42-85a4-5981a8d271bc");
        assertThat(DeterministicIds.of()).hasToString("634a6d11-ff3f-56c1-a94c-f671c790bd99");
    }

    @Test
    void encodesPartsAsUtf8() {
        assertThat(DeterministicIds.of("café")).hasToString("ce6def31-7f3b-5979-b1a0-d9b15ae04fcf");
    }

    @Test
    void marksTheIdAsNameBasedSha1WithTheRfcVariant() {
        UUID id = DeterministicIds.of("order", "alice", "key-1");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void theSameIntentAlwaysGivesTheSameIdAndTheBoundaryBetweenPartsCounts() {
        assertThat(DeterministicIds.of("order", "alice", "key-1")).isEqualTo(DeterministicIds.of("order", "alice", "key-1"));
        assertThat(DeterministicIds.of("a", "b")).isNotEqualTo(DeterministicIds.of("ab"));
        assertThat(DeterministicIds.of("ab", "")).isNotEqualTo(DeterministicIds.of("a", "b"));
        assertThat(DeterministicIds.of("")).isEqualTo(DeterministicIds.of());
    }

    /**
     * The separator is not escaped: a part containing it collides with two parts. No id part can hold it
     * today (user, product, program and seat ids are [A-Za-z0-9._-], an Idempotency-Key is visible ASCII).
     */
    @Test
    void aPartContainingTheSeparatorIsIndistinguishableFromTwoParts() {
        assertThat(DeterministicIds.of("a\u001fb")).isEqualTo(DeterministicIds.of("a", "b"));
    }

    @Test
    void theAggregateIdsAreDerivedFromTheirIntent() {
        UserId alice = new UserId("alice");
        OrderId order = OrderId.forIntent(alice, new IdempotencyKey("key-1"));
        PaymentId payment = PaymentId.forAttempt(order, new IdempotencyKey("pay-1"));

        assertThat(order).hasToString("da48d31f-191d-541e-8b50-fa52fe05363b");
        assertThat(payment).hasToString("37b82185-aeeb-5dcc-a4f1-6565546b2697");
        assertThat(RefundId.forPayment(payment)).hasToString("593c73cc-c501-5355-98c9-3d5bfb55f1ad");
        assertThat(EntitlementId.of(alice, new ProductId("lifetime"))).hasToString("144ed4dc-79b9-5281-ae86-51c6207cf6df");
        assertThat(SeatKey.of(new ProgramId("show"), new SeatId("A-1"))).hasToString("c36a740b-a99f-573f-824e-011d307cbaa0");
    }
}
