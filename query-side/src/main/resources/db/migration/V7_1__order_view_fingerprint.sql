-- The fingerprint of the request that placed each order, so a repeated request (same Idempotency-Key) is answered
-- from this row without loading the order. Null in rows written before it was recorded (a rebuild fills them in);
-- those are answered by the order itself, as before.
ALTER TABLE order_view ADD COLUMN request_fingerprint VARCHAR(64);
