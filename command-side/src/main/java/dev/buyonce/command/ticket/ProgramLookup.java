package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.FindProgramQuery;
import dev.buyonce.kernel.ticket.ProgramId;
import dev.buyonce.kernel.ticket.ProgramView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Program definitions for the command edge, from the in-memory copy the query side keeps. A definition
 * never changes once made, so a copy is exact and is kept here for good: the query bus wraps every query in
 * a database transaction, which under a flash sale made each lookup wait for a pooled connection. Only a
 * program defined a moment ago on another node may be missing for one refresh period.
 */
@Component
public class ProgramLookup {
    private final QueryGateway queries;
    private final Map<ProgramId, ProgramView> known = new ConcurrentHashMap<>();

    ProgramLookup(QueryGateway queries) {
        this.queries = queries;
    }

    /** The program, or {@code NOT_FOUND}. */
    public ProgramView require(ProgramId programId) {
        ProgramView program = known.get(programId);
        if (program != null) {
            return program;
        }
        return queries.query(new FindProgramQuery(programId), ResponseTypes.optionalInstanceOf(ProgramView.class))
                .join()
                .map(found -> {
                    known.put(programId, found);
                    return found;
                })
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, "program " + programId + " not found",
                        Map.of("programId", programId.value())));
    }
}
