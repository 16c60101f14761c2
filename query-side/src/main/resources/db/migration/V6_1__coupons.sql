-- Coupons (issue 12). Definitions, held in memory on every node (ClaimableCoupons); written once, with a withdrawal.
CREATE TABLE coupon_view (
    coupon_id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    name              VARCHAR(200)             NOT NULL,
    discount_amount   NUMERIC(14, 2),
    discount_currency VARCHAR(3),
    discount_percent  INTEGER,
    stock             INTEGER                  NOT NULL,
    buckets           INTEGER                  NOT NULL,
    valid_from        TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at      TIMESTAMP WITH TIME ZONE
);

-- One row per claim, inserted in the claim's own transaction (read-your-writes for GET /api/coupons/mine). Rows
-- are only inserted or changed one at a time, never one counter row per coupon: the remaining stock is counted
-- per (coupon, bucket) from here, off the claims' path.
CREATE TABLE coupon_claim_view (
    claim_id      UUID                     NOT NULL PRIMARY KEY,
    coupon_id     VARCHAR(64)              NOT NULL,
    user_id       VARCHAR(64)              NOT NULL,
    bucket        INTEGER                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    order_id      UUID,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence BIGINT                   NOT NULL
);
CREATE INDEX coupon_claim_view_by_user ON coupon_claim_view (user_id, claimed_at DESC);
CREATE INDEX coupon_claim_view_by_bucket ON coupon_claim_view (coupon_id, bucket);
