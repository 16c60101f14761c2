package dev.buyonce.query.ticket;

import dev.buyonce.query.signal.ChangeSignals;
import org.springframework.beans.factory.ObjectProvider;

import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramView;
import dev.buyonce.kernel.ticket.SeatId;
import dev.buyonce.kernel.ticket.SeatRow;
import dev.buyonce.kernel.ticket.TicketCategory;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps program_view and the program's seat rows (all FREE) in the same transaction as the definition (a
 * subscribing processor), so an admin who got 201 can sell tickets, and see the seat map, at once.
 */
@Component
@ProcessingGroup(ProgramProjection.GROUP)
class ProgramProjection {
    static final String GROUP = "programs";
    private final ProgramRepository repository;
    private final EntityManager entities;
    private final ProgramCatalog catalog;
    private final SeatMaps maps;
    private final ObjectProvider<ChangeSignals> signals;

    ProgramProjection(ProgramRepository repository, EntityManager entities, ProgramCatalog catalog, SeatMaps maps,
                      ObjectProvider<ChangeSignals> signals) {
        this.repository = repository;
        this.entities = entities;
        this.catalog = catalog;
        this.maps = maps;
        this.signals = signals;
    }

    @EventHandler
    void on(ProgramDefined event) {
        ProgramView view = new ProgramView(event.programId(), event.name(), event.startsAt(),
                event.maxTicketsPerOrder(), event.maxTicketsPerUser(), event.categories());
        repository.save(new ProgramEntity(event.programId().value(), catalog.write(view)));
        // persisted as new rows: a merge would first look every seat up
        seatRows(event).forEach(entities::persist);
        ChangeSignals.afterCommit(() -> {
            catalog.put(view);
            maps.invalidate(view.programId());
            signals.getObject().announce(ProgramCatalog.TOPIC, view.programId().value());
        });
    }

    private static List<SeatEntity> seatRows(ProgramDefined event) {
        List<SeatEntity> rows = new ArrayList<>();
        for (TicketCategory category : event.categories()) {
            for (SeatRow row : category.rows()) {
                for (int number = 1; number <= row.seats(); number++) {
                    rows.add(new SeatEntity(event.programId().value(), SeatId.of(row.row(), number).value(),
                            category.id(), row.row(), number, rows.size()));
                }
            }
        }
        return rows;
    }
}
