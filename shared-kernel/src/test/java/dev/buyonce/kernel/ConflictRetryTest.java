package dev.buyonce.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    final ConflictRetry retry = new ConflictRetry("order");

    @Test
    void aLostRaceIsSentAgainAndMeetsTheWinnersResult() {
        AtomicInteger calls = new AtomicInteger();
        String answer = retry.send(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConcurrencyException("lost the race");
            }
            return "the winner's order";
        });
        assertThat(answer).isEqualTo("the winner's order");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRaceThatPersistsIsANeutralConflictWithoutAKey() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.send(() -> {
            calls.incrementAndGet();
            throw new ConcurrencyException("always lost");
        })).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(calls).hasValue(8);
    }

    @Test
    void aRaceThatPersistsForAKeyMeansTheKeyIsInFlight() {
        assertThatThrownBy(() -> retry.sendForKey(() -> {
            throw new ConcurrencyException("always lost");
        })).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE));
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.send(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a defect");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }
}
