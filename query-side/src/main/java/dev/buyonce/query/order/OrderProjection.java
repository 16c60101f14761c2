package dev.buyonce.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.order.OrderCancelled;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderPlaced;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.payment.OrderPaid;
import dev.buyonce.kernel.payment.OrderRefunded;
import dev.buyonce.query.SetBasedReplay;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/** The orders a UI lists. Idempotent: each row remembers the last event sequence it applied. */
@Component
@ProcessingGroup(OrderProjection.GROUP)
class OrderProjection {
    static final String GROUP = "orders";
    private final OrderViewRepository repository;
    private final ObjectMapper json;
    private final OrderReplayBatch rebuild;

    OrderProjection(OrderViewRepository repository, ObjectMapper json, OrderReplayBatch rebuild) {
        this.repository = repository;
        this.json = json;
        this.rebuild = rebuild;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence) throws JsonProcessingException {
        OrderEntity placed = new OrderEntity(event.orderId().value(), event.userId().value(),
                OrderStatus.AWAITING_PAYMENT.name(), json.writeValueAsString(event.lines()), event.total().amount(),
                event.total().currency(), event.placedAt(), event.paymentDeadline(), sequence)
                .withSeats(event.seats().isEmpty() ? null : json.writeValueAsString(event.seats()))
                .withFingerprint(event.requestFingerprint())
                .withCoupon(event.couponId() == null ? null : event.couponId().value(),
                        event.discount() == null ? null : event.discount().amount());
        if (CurrentUnitOfWork.isStarted()) {
            // live, in the placing command's own unit of work: the order is new, so is its row (no read first)
            repository.save(placed);
            return;
        }
        // a rebuild (or a test) applies it outside any unit of work: the row may be there, stale
        SetBasedReplay.Rows<UUID, OrderEntity> batch = rebuild.open();
        OrderEntity row = row(batch, event.orderId());
        if (row == null) {
            if (batch != null) {
                batch.add(placed);
            } else {
                repository.save(placed);
            }
        } else if (row.advanceTo(sequence)) {
            row.overwriteWith(placed);
            changed(batch, row);
        }
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence) {
        changeStatus(event.orderId(), sequence, OrderStatus.CANCELLED);
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long sequence) {
        changeStatus(event.orderId(), sequence, OrderStatus.PAID);
    }

    @EventHandler
    void on(OrderRefunded event, @SequenceNumber long sequence) {
        changeStatus(event.orderId(), sequence, OrderStatus.REFUNDED);
    }

    private void changeStatus(OrderId orderId, long sequence, OrderStatus status) {
        SetBasedReplay.Rows<UUID, OrderEntity> batch = rebuild.open();
        OrderEntity row = row(batch, orderId);
        if (row != null && row.advanceTo(sequence)) {
            row.status = status.name();
            changed(batch, row);
        }
    }

    /** The order's row: the one the rebuild batch open on this thread holds, or else the table's (JPA); null if none. */
    private OrderEntity row(SetBasedReplay.Rows<UUID, OrderEntity> batch, OrderId orderId) {
        return batch != null ? batch.get(orderId.value()) : repository.findById(orderId.value()).orElse(null);
    }

    /** A changed row of a rebuild batch is written back with it; JPA writes a changed row of the table itself. */
    private static void changed(SetBasedReplay.Rows<UUID, OrderEntity> batch, OrderEntity row) {
        if (batch != null) {
            batch.changed(row);
        }
    }

    /**
     * A rebuild keeps the rows, so reads go on answering, and marks them stale: replayed events then
     * overwrite every row in order and the view converges to what the events say.
     */
    @ResetHandler
    void reset() {
        repository.markAllStale();
    }
}
