package dev.buyonce.query.coupon;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClaimRepository extends JpaRepository<ClaimEntity, UUID> {

    List<ClaimEntity> findByUserIdOrderByClaimedAtDescClaimIdDesc(String userId);

    /** Claims per (coupon, bucket): each row {@code [couponId, bucket, count]}. */
    @Query("SELECT c.couponId, c.bucket, count(c) FROM ClaimEntity c WHERE c.couponId IN :couponIds GROUP BY c.couponId, c.bucket")
    List<Object[]> claimsPerBucket(Collection<String> couponIds);

    @Modifying
    @Query("UPDATE ClaimEntity c SET c.lastSequence = -1")
    void markAllStale();
}
