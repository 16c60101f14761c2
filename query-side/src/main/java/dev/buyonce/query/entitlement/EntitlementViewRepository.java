package dev.buyonce.query.entitlement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EntitlementViewRepository extends JpaRepository<EntitlementEntity, EntitlementEntity.Key> {

    /** Every row of one of {@code users} and one of {@code products}: loads a rebuild's batch in one query. */
    @Query("select e from EntitlementEntity e where e.key.userId in :users and e.key.productId in :products")
    List<EntitlementEntity> findAmong(Collection<String> users, Collection<String> products);

    @Modifying
    @Query("update EntitlementEntity e set e.lastSequence = -1")
    void markAllStale();
}
