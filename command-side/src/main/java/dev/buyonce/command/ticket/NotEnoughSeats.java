package dev.buyonce.command.ticket;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.Map;

/** No row of the category has that many adjacent free seats. */
public class NotEnoughSeats extends RuleViolation {
    public NotEnoughSeats(String categoryId, int quantity) {
        super(ErrorCode.NOT_ENOUGH_SEATS, "no " + quantity + " adjacent free seats in category " + categoryId,
                Map.of("categoryId", categoryId, "quantity", quantity));
    }
}
