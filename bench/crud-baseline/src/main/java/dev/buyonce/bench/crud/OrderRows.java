package dev.buyonce.bench.crud;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRows extends JpaRepository<OrderRow, Long> {

    Optional<OrderRow> findByUserIdAndIdempotencyKey(String userId, String idempotencyKey);

    boolean existsByUserIdAndProductId(String userId, String productId);
}
