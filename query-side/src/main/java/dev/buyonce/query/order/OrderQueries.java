package dev.buyonce.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.Money;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.coupon.CouponId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderLine;
import dev.buyonce.kernel.order.OrderStatus;
import dev.buyonce.kernel.order.OrderView;
import dev.buyonce.kernel.order.PlacedOrders;
import dev.buyonce.kernel.ticket.SeatId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the order view, always scoped to the caller. */
@Component
@Transactional(readOnly = true)
public class OrderQueries implements PlacedOrders {
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<SeatId>> SEATS = new TypeReference<>() {
    };
    private final OrderViewRepository repository;
    private final ObjectMapper json;

    OrderQueries(OrderViewRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** The order if it exists and belongs to {@code user}; another user's order is indistinguishable from none. */
    public Optional<OrderView> find(UserId user, OrderId orderId) {
        return repository.findById(orderId.value()).filter(o -> o.userId.equals(user.value())).map(this::toView);
    }

    /** For the command side's answer to a repeated order request; the caller checks the user (the id is theirs). */
    @Override
    public Optional<Placed> findPlaced(OrderId orderId) {
        return repository.findById(orderId.value()).filter(o -> o.requestFingerprint != null)
                .map(o -> new Placed(toView(o), o.requestFingerprint));
    }

    /** For internal use only (live updates): no ownership filter. */
    Optional<OrderView> findAnyOwner(OrderId orderId) {
        return repository.findById(orderId.value()).map(this::toView);
    }

    /** The items and the total come from one snapshot, so a page never disagrees with its own count. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<OrderView> list(UserId user, int page, int size) {
        return repository.findByUserIdOrderByCreatedAtDescOrderIdDesc(user.value(), PageRequest.of(page, size))
                .map(this::toView);
    }

    private OrderView toView(OrderEntity entity) {
        try {
            return new OrderView(new OrderId(entity.orderId), new UserId(entity.userId),
                    OrderStatus.valueOf(entity.status), json.readValue(entity.items, LINES),
                    new Money(entity.totalAmount, entity.totalCurrency), entity.createdAt, entity.paymentDeadline,
                    entity.seats == null ? List.of() : json.readValue(entity.seats, SEATS),
                    entity.couponId == null ? null : new CouponId(entity.couponId),
                    entity.discountAmount == null ? null : new Money(entity.discountAmount, entity.totalCurrency));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order_view.items of " + entity.orderId + " is not readable", e);
        }
    }
}
