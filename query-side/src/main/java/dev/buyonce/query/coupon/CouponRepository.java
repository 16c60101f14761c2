package dev.buyonce.query.coupon;

import org.springframework.data.jpa.repository.JpaRepository;

interface CouponRepository extends JpaRepository<CouponEntity, String> {
}
