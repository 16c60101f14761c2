package dev.buyonce.query.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentAttemptViewRepository extends JpaRepository<PaymentAttemptEntity, UUID> {

    List<PaymentAttemptEntity> findByOrderIdOrderByRequestedAtAscPaymentIdAsc(UUID orderId);
}
