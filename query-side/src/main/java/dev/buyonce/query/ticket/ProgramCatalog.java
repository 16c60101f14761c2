package dev.buyonce.query.ticket;

import dev.buyonce.query.PeriodicRefresh;
import dev.buyonce.query.signal.ChangeListener;
import dev.buyonce.query.signal.ChangeSignals;

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
import org.springframework.stereotype.Component;

/**
 * Program definitions in memory: pricing and validating a ticket order, and every seat-map read, is a map
 * read. A program defined on any node appears on every node as soon as its definition has committed and been
 * announced ({@link ChangeSignals}); the periodic refresh catches up with any announcement lost.
 */
@Component
class ProgramCatalog implements PeriodicRefresh, ChangeListener {
    static final String TOPIC = "program";
    private final ProgramRepository repository;
    private final ObjectMapper json;
    private final Map<ProgramId, ProgramView> programs = new ConcurrentHashMap<>();

    ProgramCatalog(ProgramRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Override
    public void refresh() {
        repository.findAll().forEach(entity -> put(read(entity)));
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String programId) {
        repository.findById(programId).ifPresent(entity -> put(read(entity)));
    }

    @Override
    public void resync() {
        refresh();
    }

    @QueryHandler
    ProgramView handle(FindProgramQuery query) {
        return programs.get(query.programId());
    }

    /**
     * The program, from memory; one not held yet (defined a moment ago on another node, its announcement still on
     * the way) is read from program_view, which its definition committed, so a read after the 201 finds it.
     */
    Optional<ProgramView> find(ProgramId programId) {
        ProgramView known = programs.get(programId);
        if (known != null) {
            return Optional.of(known);
        }
        changed(programId.value());
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
