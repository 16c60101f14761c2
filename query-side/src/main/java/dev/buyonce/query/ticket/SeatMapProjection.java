package dev.buyonce.query.ticket;

import dev.buyonce.query.SetBasedReplay;
import dev.buyonce.query.signal.ChangeSignals;
import org.springframework.beans.factory.ObjectProvider;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatHeld;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatReleased;
import dev.buyonce.kernel.ticket.SeatSold;
import dev.buyonce.kernel.ticket.SeatStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Moves each seat's row (created FREE with its program, see ProgramProjection) to HELD, FREE again or SOLD as
 * its Seat aggregate says. Idempotent: a row remembers the last seat event it applied.
 */
@Component
@ProcessingGroup(SeatMapProjection.GROUP)
class SeatMapProjection {
    static final String GROUP = "seat-map";
    private final SeatViewRepository repository;
    private final SeatMaps maps;
    private final ObjectProvider<ChangeSignals> signals;
    private final SeatReplayBatch rebuild;

    SeatMapProjection(SeatViewRepository repository, SeatMaps maps, ObjectProvider<ChangeSignals> signals,
                      SeatReplayBatch rebuild) {
        this.repository = repository;
        this.maps = maps;
        this.signals = signals;
        this.rebuild = rebuild;
    }

    @EventHandler
    void on(SeatHeld event, @SequenceNumber long sequence) {
        update(event.programId(), event.seatId(), sequence, SeatStatus.HELD, event.orderId());
    }

    @EventHandler
    void on(SeatReleased event, @SequenceNumber long sequence) {
        update(event.programId(), event.seatId(), sequence, SeatStatus.FREE, null);
    }

    @EventHandler
    void on(SeatSold event, @SequenceNumber long sequence) {
        update(event.programId(), event.seatId(), sequence, SeatStatus.SOLD, event.orderId());
    }

    /**
     * A rebuild keeps every seat's status (the map goes on answering) and marks the rows stale; each seat's
     * events then replay onto its row in order. A seat with no events is FREE, as its program created it.
     */
    @ResetHandler
    void reset() {
        repository.markAllStale();
        maps.clear();
    }

    /** Moves the seat's row (the rebuild batch's on this thread, else the table's through JPA) unless it is newer. */
    private void update(ProgramId program, SeatId seat, long sequence, SeatStatus status, OrderId orderId) {
        SeatEntity.Key key = new SeatEntity.Key(program.value(), seat.value());
        SetBasedReplay.Rows<SeatEntity.Key, SeatEntity> batch = rebuild.open();
        SeatEntity row = batch != null ? batch.get(key) : repository.findById(key).orElse(null);
        if (row != null && row.advanceTo(sequence)) {
            row.status = status.name();
            row.orderId = orderId == null ? null : orderId.value();
            if (batch != null) {
                batch.changed(row);
            }
        }
        changed(program);
    }

    /**
     * Once committed, every node's seat-picker copy of this program's map is dropped (see SeatMaps): this node's at
     * once, the others' through the announcement.
     */
    private void changed(ProgramId program) {
        ChangeSignals.afterCommit(() -> {
            maps.invalidate(program);
            signals.getObject().announce(SeatMaps.TOPIC, program.value());
        });
    }
}
