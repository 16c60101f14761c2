package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.ticket.ProgramId;
import java.util.Map;

/** A program id is defined once; a different definition under the same id is refused. */
public class ProgramConflict extends RuleViolation {
    public ProgramConflict(ProgramId programId) {
        super(ErrorCode.PROGRAM_CONFLICT, "program " + programId + " is already defined differently",
                Map.of("programId", programId.value()));
    }
}
