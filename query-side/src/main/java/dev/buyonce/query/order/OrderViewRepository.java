package dev.buyonce.query.order;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderViewRepository extends JpaRepository<OrderEntity, UUID> {

    Page<OrderEntity> findByUserIdOrderByCreatedAtDescOrderIdDesc(String userId, Pageable page);
}
