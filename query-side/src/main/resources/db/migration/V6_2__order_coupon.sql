-- The coupon an order uses and what it took off (the total is after it); NULL for orders without a coupon.
ALTER TABLE order_view ADD COLUMN coupon_id VARCHAR(64);
ALTER TABLE order_view ADD COLUMN discount_amount NUMERIC(14, 2);
