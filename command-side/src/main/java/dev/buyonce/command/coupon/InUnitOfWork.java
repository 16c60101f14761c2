package dev.buyonce.command.coupon;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import java.util.concurrent.Callable;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * Runs a command on an aggregate inside the current unit of work, found by its id or created on first use; the
 * aggregate's own handler decides, as when the command arrives on the bus. A failure rolls back the whole unit.
 */
@Component
class InUnitOfWork {
    private final Configuration axon;

    InUnitOfWork(Configuration axon) {
        this.axon = axon;
    }

    <A> Object handle(Class<A> type, Object id, Callable<A> factory, Object command) {
        try {
            return axon.repository(type).loadOrCreate(id.toString(), factory).handle(asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " could not handle " + command, e);
        }
    }
}
