package dev.buyonce.query.ticket;

import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.SeatHeld;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatReleased;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.SeatSold;
import dev.buyonce.kernel.ticket.SeatStatus;
import dev.buyonce.kernel.ticket.TicketCategory;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * One row per seat, FREE from the program's definition on, then HELD, FREE again or SOLD as its Seat
 * aggregate says. Events are sequenced per program (see SeatMapConfiguration), so a program's definition is
 * always applied before its seats change. Idempotent: a row remembers the last seat event it applied.
 */
@Component
@ProcessingGroup(SeatMapProjection.GROUP)
class SeatMapProjection {
    static final String GROUP = "seat-map";
    private final SeatViewRepository repository;
    private final SeatMaps maps;

    SeatMapProjection(SeatViewRepository repository, SeatMaps maps) {
        this.repository = repository;
        this.maps = maps;
    }

    @EventHandler
    void on(ProgramDefined event) {
        if (repository.existsByProgramId(event.programId().value())) {
            return;
        }
        List<SeatEntity> seats = new ArrayList<>();
        for (TicketCategory category : event.categories()) {
            for (SeatRow row : category.rows()) {
                for (int number = 1; number <= row.seats(); number++) {
                    seats.add(new SeatEntity(event.programId().value(), SeatId.of(row.row(), number).value(),
                            category.id(), row.row(), number, seats.size()));
                }
            }
        }
        repository.saveAll(seats);
        changed(event.programId());
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

    /** A rebuild starts from an empty view; every row is then derived again from the events. */
    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
        maps.clear();
    }

    private void update(ProgramId program, SeatId seat, long sequence, SeatStatus status, OrderId orderId) {
        repository.findById(new SeatEntity.Key(program.value(), seat.value()))
                .filter(row -> row.advanceTo(sequence))
                .ifPresent(row -> {
                    row.status = status.name();
                    row.orderId = orderId == null ? null : orderId.value();
                });
        changed(program);
    }

    private void changed(ProgramId program) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> maps.invalidate(program));
        } else {
            maps.invalidate(program);
        }
    }
}
