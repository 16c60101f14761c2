package dev.buyonce.query.entitlement;

import org.springframework.data.jpa.repository.JpaRepository;

interface EntitlementViewRepository extends JpaRepository<EntitlementEntity, EntitlementEntity.Key> {
}
