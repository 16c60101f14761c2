package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.Map;

/** Too many tickets in one order, or for one user of one program. */
public class TicketLimitExceeded extends RuleViolation {
    public TicketLimitExceeded(String which, int limit, int wanted) {
        super(ErrorCode.TICKET_LIMIT_EXCEEDED, "at most " + limit + " tickets " + which + "; this would make " + wanted,
                Map.of("limit", limit, "requested", wanted));
    }
}
