-- Payment attempts per order, as GET /api/orders/{orderId}/payments lists them. Rebuilt from the order's
-- events; last_sequence (the order event that last changed the row) makes every handler idempotent.
CREATE TABLE payment_attempt_view (
    payment_id      UUID                     NOT NULL PRIMARY KEY,
    order_id        UUID                     NOT NULL,
    user_id         VARCHAR(64)              NOT NULL,
    channel         VARCHAR(64)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    amount          NUMERIC(14, 2)           NOT NULL,
    currency        VARCHAR(3)               NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    flag            VARCHAR(32),
    last_sequence   BIGINT                   NOT NULL
);
CREATE INDEX payment_attempt_view_by_order ON payment_attempt_view (order_id, requested_at);
