package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.DeterministicIds;
import dev.buyonce.kernel.UserId;
import java.util.UUID;

/** One ticket allowance per (program, user): the per-user limit is guarded by this identity, not by a view. */
public record AllowanceId(UUID value) {

    public AllowanceId {
        if (value == null) {
            throw new IllegalArgumentException("allowance id is required");
        }
    }

    public static AllowanceId of(ProgramId program, UserId user) {
        return new AllowanceId(DeterministicIds.of("ticket-allowance", program.value(), user.value()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
