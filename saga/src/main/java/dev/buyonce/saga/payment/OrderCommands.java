package dev.buyonce.saga.payment;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import java.util.function.Supplier;
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

    /** A command without an Idempotency-Key (a webhook, a provider's answer): a race that persists is CONFLICT. */
    <R> R send(Object command, String orderId, MetaData metaData) {
        return send(command, orderId, metaData, false);
    }

    /** A customer's request with an Idempotency-Key: a race that persists is IDEMPOTENCY_KEY_IN_USE. */
    <R> R sendForKey(Object command, String orderId, MetaData metaData) {
        return send(command, orderId, metaData, true);
    }

    private <R> R send(Object command, String orderId, MetaData metaData, boolean keyed) {
        Supplier<R> dispatch = () -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        try {
            return keyed ? retry.sendForKey(dispatch) : retry.send(dispatch);
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found");
        }
    }
}
