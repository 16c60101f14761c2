package dev.buyonce.query.order;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OrderViewRepository extends JpaRepository<OrderEntity, UUID> {

    @Modifying
    @Query("update OrderEntity o set o.lastSequence = -1")
    void markAllStale();

    Page<OrderEntity> findByUserIdOrderByCreatedAtDescOrderIdDesc(String userId, Pageable page);
}
