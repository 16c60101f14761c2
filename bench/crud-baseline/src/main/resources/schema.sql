-- One row per order. The unique (user, key) constraint is the only guard against a duplicate; the
-- (user, product) index is the one a team adds for "has this user ever bought it?".
CREATE TABLE IF NOT EXISTS orders (
    id              BIGSERIAL                NOT NULL PRIMARY KEY,
    user_id         VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    product_id      VARCHAR(64)              NOT NULL,
    quantity        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT orders_user_key UNIQUE (user_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS orders_by_user_product ON orders (user_id, product_id);
