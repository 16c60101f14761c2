package dev.buyonce.saga.payment;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends an order command from an edge (customer request, provider webhook) and waits for its answer. A
 * concurrent change of the same order (the saga, a duplicate callback) loses the race on the event store's
 * unique key; it is sent again ({@link ConflictRetry}) and meets the winner's result. An unknown order is
 * ORDER_NOT_FOUND.
 */
@Component
class OrderCommands {
    private final ConflictRetry retry = new ConflictRetry("order");
    private final CommandGateway commands;

    OrderCommands(CommandGateway commands) {
        this.commands = commands;
    }

    <R> R send(Object command, String orderId, MetaData metaData) {
        try {
            return retry.send(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found");
        }
    }
}
