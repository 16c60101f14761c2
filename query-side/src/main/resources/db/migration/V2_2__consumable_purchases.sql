-- Consumable purchases, for spotting double purchases that no idempotency key can catch
-- (the same user, product and total under two keys within minutes). Rows are immutable facts.
CREATE TABLE consumable_purchase_view (
    order_id       UUID                     NOT NULL,
    product_id     VARCHAR(64)              NOT NULL,
    user_id        VARCHAR(64)              NOT NULL,
    total_amount   NUMERIC(14, 2)           NOT NULL,
    total_currency VARCHAR(3)               NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX consumable_purchase_by_user ON consumable_purchase_view (user_id, product_id, created_at);
