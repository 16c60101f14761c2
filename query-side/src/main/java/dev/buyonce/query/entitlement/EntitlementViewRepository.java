package dev.buyonce.query.entitlement;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EntitlementViewRepository extends JpaRepository<EntitlementEntity, EntitlementEntity.Key> {

    @Modifying
    @Query("update EntitlementEntity e set e.lastSequence = -1")
    void markAllStale();
}
