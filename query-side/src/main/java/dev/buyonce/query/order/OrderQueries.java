package dev.buyonce.query.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buyonce.kernel.UserId;
import dev.buyonce.kernel.order.OrderId;
import dev.buyonce.kernel.order.OrderView;
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
public class OrderQueries {
    private final OrderViewRepository repository;
    private final ObjectMapper json;

    OrderQueries(OrderViewRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** The order if it exists and belongs to {@code user}; another user's order is indistinguishable from none. */
    public Optional<OrderView> find(UserId user, OrderId orderId) {
        return repository.findById(orderId.value()).filter(o -> o.userId.equals(user.value())).map(entity -> entity.toView(json));
    }

    /** For internal use only (live updates): no ownership filter. */
    Optional<OrderView> findAnyOwner(OrderId orderId) {
        return repository.findById(orderId.value()).map(entity -> entity.toView(json));
    }

    /** The items and the total come from one snapshot, so a page never disagrees with its own count. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<OrderView> list(UserId user, int page, int size) {
        return repository.findByUserIdOrderByCreatedAtDescOrderIdDesc(user.value(), PageRequest.of(page, size))
                .map(entity -> entity.toView(json));
    }
}
