package dev.buyonce.command.order;

import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.payment.RefundOrder;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator refunds a paid order. The answer is 202: the payment saga asks the provider, and the order
 * becomes REFUNDED (and its permanent products are revoked) when the provider confirms.
 */
@RestController
class OrderRefundController {
    private final CommandGateway commands;
    private final ConflictRetry retry;
    private final Clock clock;

    OrderRefundController(CommandGateway commands, ConflictRetry retry, Clock clock) {
        this.commands = commands;
        this.retry = retry;
        this.clock = clock;
    }

    @PostMapping("/api/admin/orders/{orderId}/refund")
    ResponseEntity<OrderView> refund(UserId admin, @PathVariable String orderId) {
        OrderId id = OrderId.parse(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        RefundOrder command = new RefundOrder(id, admin, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            OrderView order = retry.send(() -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with("userId", admin.value()))));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(order);
        } catch (AggregateNotFoundException e) {
            throw new OrderNotFound(orderId);
        }
    }
}
