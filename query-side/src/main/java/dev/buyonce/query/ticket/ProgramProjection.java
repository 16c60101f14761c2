package dev.buyonce.query.ticket;

import dev.buyonce.kernel.ticket.ProgramDefined;
import dev.buyonce.kernel.ticket.ProgramView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps program_view in the same transaction as the definition (a subscribing processor), so an admin who
 * got 201 can sell tickets at once.
 */
@Component
@ProcessingGroup(ProgramProjection.GROUP)
class ProgramProjection {
    static final String GROUP = "programs";
    private final ProgramRepository repository;
    private final ProgramCatalog catalog;

    ProgramProjection(ProgramRepository repository, ProgramCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    @EventHandler
    void on(ProgramDefined event) {
        ProgramView view = new ProgramView(event.programId(), event.name(), event.startsAt(),
                event.maxTicketsPerOrder(), event.maxTicketsPerUser(), event.categories());
        repository.save(new ProgramEntity(event.programId().value(), catalog.write(view)));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> catalog.put(view));
        } else {
            catalog.put(view);
        }
    }
}
