package dev.buyonce.query.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's events, in order, straight from the event store: the audit trail needs no projection and is
 * never behind. Its owner or an admin may read it.
 */
@RestController
class OrderHistoryController {
    private final EventStore events;
    private final ObjectMapper json;

    OrderHistoryController(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    record HistoryEntry(long sequence, String type, Instant timestamp, JsonNode payload, Map<String, Object> metadata) {
    }

    @GetMapping("/api/orders/{orderId}/history")
    List<HistoryEntry> history(UserId user, @PathVariable String orderId, HttpServletRequest request) {
        OrderId id = OrderId.parse(orderId).orElseThrow(() -> notFound(orderId));
        List<? extends DomainEventMessage<?>> stream = events.readEvents(id.toString()).asStream().toList();
        boolean visible = !stream.isEmpty() && OrderOwners.placedBy(stream.get(0))
                .filter(owner -> owner.equals(user) || request.isUserInRole("admin")).isPresent();
        if (!visible) {
            throw notFound(orderId);
        }
        return stream.stream().map(event -> new HistoryEntry(event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), json.valueToTree(event.getPayload()),
                new TreeMap<>(event.getMetaData()))).toList();
    }

    private static RuleViolation notFound(String orderId) {
        return new RuleViolation(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " not found");
    }
}
