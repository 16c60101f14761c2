package dev.buyonce.saga.payment;

import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends an order command from an edge (customer request, provider webhook) and waits for its answer. A
 * concurrent change of the same order (the saga, a duplicate callback) loses the race on the event store's
 * unique key; it is sent again and meets the winner's result. An unknown order is ORDER_NOT_FOUND.
 */
@Component
class OrderCommands {
    private static final int ATTEMPTS = 8;
    private final CommandGateway commands;

    OrderCommands(CommandGateway commands) {
        this.commands = commands;
    }

    <R> R send(Object command, String orderId, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (AggregateNotFoundException e) {
                throw new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found");
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                            "a request for the same order is still in flight; retry shortly");
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "interrupted while retrying; retry shortly");
        }
    }
}
