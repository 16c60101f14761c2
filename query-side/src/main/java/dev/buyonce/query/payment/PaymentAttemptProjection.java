package dev.buyonce.query.payment;

import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.PaymentAttemptClosed;
import dev.buyonce.kernel.payment.PaymentCaptureRejected;
import dev.buyonce.kernel.payment.PaymentId;
import dev.buyonce.kernel.payment.PaymentRefunded;
import dev.buyonce.kernel.payment.PaymentRequested;
import dev.buyonce.kernel.payment.PaymentStatus;
import dev.buyonce.query.SetBasedReplay;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The payment attempts of each order. All its events come from the order aggregate, in order; each row
 * remembers the last order event it applied, so redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(PaymentAttemptProjection.GROUP)
class PaymentAttemptProjection {
    static final String GROUP = "payments";
    private final PaymentAttemptViewRepository repository;
    private final PaymentAttemptReplayBatch rebuild;

    PaymentAttemptProjection(PaymentAttemptViewRepository repository, PaymentAttemptReplayBatch rebuild) {
        this.repository = repository;
        this.rebuild = rebuild;
    }

    @EventHandler
    void on(PaymentRequested event, @SequenceNumber long sequence) {
        UUID id = event.paymentId().value();
        SetBasedReplay.Rows<UUID, PaymentAttemptEntity> batch = rebuild.open();
        PaymentAttemptEntity row = batch != null ? batch.getOrMake(id, PaymentAttemptEntity::new)
                : repository.findById(id).orElseGet(() -> new PaymentAttemptEntity(id));
        if (!row.advanceTo(sequence)) {
            return;
        }
        row.flag = null;
        row.orderId = event.orderId().value();
        row.userId = event.userId().value();
        row.channel = event.channel();
        row.status = PaymentStatus.PENDING.name();
        row.amount = event.amount().amount();
        row.currency = event.amount().currency();
        row.requestedAt = event.requestedAt();
        if (batch != null) {
            batch.changed(row);
        } else {
            repository.save(row);
        }
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long sequence) {
        change(event.paymentId(), sequence, row -> row.status = PaymentStatus.CAPTURED.name());
    }

    /** A capture the order does not keep; a capture of an attempt never requested gets no row (nothing to list). */
    @EventHandler
    void on(PaymentCaptureRejected event, @SequenceNumber long sequence) {
        change(event.paymentId(), sequence, row -> {
            row.status = PaymentStatus.CAPTURED.name();
            row.flag = event.reason().name();
        });
    }

    @EventHandler
    void on(PaymentAttemptClosed event, @SequenceNumber long sequence) {
        change(event.paymentId(), sequence, row -> row.status = PaymentStatus.CLOSED.name());
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long sequence) {
        change(event.paymentId(), sequence, row -> row.status = PaymentStatus.REFUNDED.name());
    }

    /** A rebuild keeps the rows (reads go on) and marks them stale; replayed events overwrite them in order. */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }

    /**
     * Applies {@code change} to the attempt's row unless it has applied this event already: the row of the rebuild
     * batch open on this thread (written back with the batch), or else the table's row through JPA. No row, no change.
     */
    private void change(PaymentId paymentId, long sequence, Consumer<PaymentAttemptEntity> change) {
        SetBasedReplay.Rows<UUID, PaymentAttemptEntity> batch = rebuild.open();
        PaymentAttemptEntity row = batch != null ? batch.get(paymentId.value())
                : repository.findById(paymentId.value()).orElse(null);
        if (row != null && row.advanceTo(sequence)) {
            change.accept(row);
            if (batch != null) {
                batch.changed(row);
            }
        }
    }
}
