-- The per-user cap on live unpaid orders (buyonce.limits.max-unpaid-orders-per-user) counts a user's
-- AWAITING_PAYMENT rows and reads the earliest payment deadline among them: both from this index alone.
CREATE INDEX order_view_by_user_status ON order_view (user_id, status, payment_deadline);
