-- Read models of the query side. Each is rebuilt from events; last_sequence makes every handler
-- idempotent (an event handled twice changes nothing).

CREATE TABLE product_view (
    product_id     VARCHAR(64)    NOT NULL PRIMARY KEY,
    name           VARCHAR(200)   NOT NULL,
    kind           VARCHAR(16)    NOT NULL,
    price_amount   NUMERIC(14, 2) NOT NULL,
    price_currency VARCHAR(3)     NOT NULL
);

CREATE TABLE order_view (
    order_id         UUID                     NOT NULL PRIMARY KEY,
    user_id          VARCHAR(64)              NOT NULL,
    status           VARCHAR(32)              NOT NULL,
    items            TEXT                     NOT NULL,
    total_amount     NUMERIC(14, 2)           NOT NULL,
    total_currency   VARCHAR(3)               NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    payment_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence    BIGINT                   NOT NULL
);
CREATE INDEX order_view_by_user ON order_view (user_id, created_at DESC, order_id);

-- The permanent-ownership view: one row per (user, product), found by primary key, never filtered by time.
CREATE TABLE entitlement_view (
    user_id       VARCHAR(64)              NOT NULL,
    product_id    VARCHAR(64)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    order_id      UUID,
    since         TIMESTAMP WITH TIME ZONE,
    reference     VARCHAR(255),
    last_sequence BIGINT                   NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
