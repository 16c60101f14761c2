package dev.buyonce.command.order;

import dev.buyonce.command.CommandSettings;
import dev.buyonce.command.catalog.CatalogLookup;
import dev.buyonce.kernel.ConflictRetry;
import dev.buyonce.kernel.ErrorCode;
import dev.buyonce.kernel.IdempotencyKey;
import dev.buyonce.kernel.ProductId;
import dev.buyonce.kernel.RuleViolation;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.catalog.ProductKind;
import dev.buyonce.kernel.catalog.ProductView;
import dev.buyonce.kernel.order.CancelOrder;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlaceOrder;
import dev.buyonce.kernel.order.PlaceOrderResult;
import dev.buyonce.kernel.order.PlacedOrders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

/** The edge of ordering: turns a request into a priced, fingerprinted command and dispatches it. */
@Service
class OrderPlacement {
    private final CommandGateway commands;
    private final CatalogLookup catalog;
    private final ConflictRetry retry;
    private final Clock clock;
    private final Duration paymentTimeout;
    private final PlacedOrders placedOrders;

    OrderPlacement(CommandGateway commands, CatalogLookup catalog, ConflictRetry retry, Clock clock,
                   CommandSettings settings, PlacedOrders placedOrders) {
        this.commands = commands;
        this.placedOrders = placedOrders;
        this.catalog = catalog;
        this.retry = retry;
        this.clock = clock;
        this.paymentTimeout = settings.orders().paymentTimeout();
    }

    PlaceOrderResult place(UserId user, IdempotencyKey key, PlaceOrderRequest request) {
        List<OrderLine> lines = price(request);
        // microsecond precision: what every store (H2, PostgreSQL, JSON) keeps exactly, so all answers agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OrderId orderId = OrderId.forIntent(user, key);
        String fingerprint = fingerprint(request);
        PlaceOrderResult replay = replayOf(user, orderId, fingerprint);
        if (replay != null) {
            return replay;
        }
        PlaceOrder command = new PlaceOrder(orderId, user, lines, fingerprint, now, now.plus(paymentTimeout), null,
                List.of(), request.coupon());
        MetaData metaData = MetaData.with("userId", user.value()).and("idempotencyKey", key.value());
        return retry.sendForKey(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
    }

    /**
     * The answer to a repeated request, from the order view, when the order is already placed: the same answer the
     * order would give (itself, or IDEMPOTENCY_KEY_REUSED for another request), without its lock or a load of its
     * events, so a storm of retries does not queue on one aggregate. Null when the view does not have the order (not
     * placed yet, or placed this very moment by a request still committing): then the order decides, as always.
     */
    private PlaceOrderResult replayOf(UserId user, OrderId orderId, String fingerprint) {
        PlacedOrders.Placed placed = placedOrders.findPlaced(orderId).orElse(null);
        if (placed == null || !placed.order().userId().equals(user)) {
            return null;
        }
        if (!placed.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(orderId);
        }
        return new PlaceOrderResult(placed.order(), true);
    }

    OrderView cancel(UserId user, OrderId orderId) {
        CancelOrder command = new CancelOrder(orderId, user, clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            return retry.send(() -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with("userId", user.value()))));
        } catch (AggregateNotFoundException e) {
            throw new OrderNotFound(orderId.toString());
        }
    }

    private List<OrderLine> price(PlaceOrderRequest request) {
        List<OrderLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PlaceOrderRequest.Item item : request.items()) {
            if (!seen.add(item.productId())) {
                throw invalid("items", "product " + item.productId() + " appears twice");
            }
            ProductView product = catalog.require(new ProductId(item.productId()));
            if (product.kind() == ProductKind.PERMANENT && item.quantity() != 1) {
                throw invalid("items.quantity", "a permanent product is bought with quantity 1");
            }
            if (!lines.isEmpty() && !lines.get(0).unitPrice().currency().equals(product.price().currency())) {
                throw invalid("items", "all items of an order must be priced in one currency");
            }
            lines.add(new OrderLine(product.id(), product.kind(), item.quantity(), product.price()));
        }
        return lines;
    }

    /** A hash of the normalised request: item order does not matter, anything else (the coupon too) does. */
    static String fingerprint(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder("order-items-v1");
        request.items().stream()
                .sorted(Comparator.comparing(PlaceOrderRequest.Item::productId))
                .forEach(item -> canonical.append('\n').append(item.productId()).append('*').append(item.quantity()));
        if (request.couponId() != null) {
            // only when present: orders placed before coupons keep the fingerprint they were stored with
            canonical.append("\ncoupon:").append(request.couponId());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static RuleViolation invalid(String field, String message) {
        return new RuleViolation(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
