-- Payments (issue 3). Runs on PostgreSQL and on H2 in PostgreSQL mode.

-- The webhook's inbox: one row per provider notification handled, so a repeated delivery is answered
-- without touching the order again.
CREATE TABLE payment_inbox (
    provider    VARCHAR(32)              NOT NULL,
    event_id    VARCHAR(128)             NOT NULL,
    payment_id  UUID                     NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- The sandbox provider's own books. It stands for an external system: nothing of ours writes here, and
-- it writes in transactions of its own.
CREATE TABLE sandbox_payment (
    payment_id  UUID                     NOT NULL PRIMARY KEY,
    order_id    UUID                     NOT NULL,
    channel     VARCHAR(64)              NOT NULL,
    amount      NUMERIC(14, 2)           NOT NULL,
    currency    VARCHAR(3)               NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    captured_at TIMESTAMP WITH TIME ZONE
);

-- Captures and refunds; a payment is captured at most once and refunded at most once (by request number).
CREATE TABLE sandbox_ledger (
    entry_id   BIGSERIAL                NOT NULL PRIMARY KEY,
    payment_id UUID                     NOT NULL,
    order_id   UUID                     NOT NULL,
    type       VARCHAR(16)              NOT NULL,
    amount     NUMERIC(14, 2)           NOT NULL,
    currency   VARCHAR(3)               NOT NULL,
    entry_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    refund_no  UUID,
    CONSTRAINT sandbox_ledger_once UNIQUE (payment_id, type),
    CONSTRAINT sandbox_ledger_refund_no UNIQUE (refund_no)
);
