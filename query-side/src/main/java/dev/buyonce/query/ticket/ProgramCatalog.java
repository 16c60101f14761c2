package dev.buyonce.query.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ticket.FindProgramQuery;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ProgramView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Program definitions in memory: pricing and validating a ticket order, and every seat-map read, is a map
 * read. Programs defined on this node appear at once; those defined on another node within one refresh.
 */
@Component
class ProgramCatalog {
    private final ProgramRepository repository;
    private final ObjectMapper json;
    private final Map<ProgramId, ProgramView> programs = new ConcurrentHashMap<>();

    ProgramCatalog(ProgramRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Scheduled(fixedDelayString = "${buyonce.catalog.refresh:PT5S}", initialDelayString = "${buyonce.catalog.refresh:PT5S}")
    void refresh() {
        repository.findAll().forEach(entity -> put(read(entity)));
    }

    @QueryHandler
    ProgramView handle(FindProgramQuery query) {
        return programs.get(query.programId());
    }

    Optional<ProgramView> find(ProgramId programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    void put(ProgramView program) {
        programs.put(program.programId(), program);
    }

    void clear() {
        programs.clear();
    }

    String write(ProgramView program) {
        try {
            return json.writeValueAsString(program);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program " + program.programId() + " cannot be written as JSON", e);
        }
    }

    private ProgramView read(ProgramEntity entity) {
        try {
            return json.readValue(entity.definition, ProgramView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program_view.definition of " + entity.programId + " is not readable", e);
        }
    }
}
