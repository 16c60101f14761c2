package dev.buyonce.query.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PaymentAttemptViewRepository extends JpaRepository<PaymentAttemptEntity, UUID> {

    @Modifying
    @Query("update PaymentAttemptEntity p set p.lastSequence = -1")
    void markAllStale();

    List<PaymentAttemptEntity> findByOrderIdOrderByRequestedAtAscPaymentIdAsc(UUID orderId);
}
