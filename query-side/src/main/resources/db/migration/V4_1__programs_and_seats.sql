-- Ticketing read models (issue 4). Programs are immutable once defined: their definition is kept as JSON.
CREATE TABLE program_view (
    program_id VARCHAR(32) NOT NULL PRIMARY KEY,
    definition TEXT        NOT NULL
);

-- One row per seat of every program; position keeps the seat map in definition order (category, row, number).
CREATE TABLE seat_view (
    program_id    VARCHAR(32) NOT NULL,
    seat_id       VARCHAR(16) NOT NULL,
    category_id   VARCHAR(32) NOT NULL,
    row_label     VARCHAR(8)  NOT NULL,
    seat_number   INTEGER     NOT NULL,
    position      INTEGER     NOT NULL,
    status        VARCHAR(8)  NOT NULL,
    order_id      UUID,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (program_id, seat_id)
);
CREATE INDEX seat_view_by_position ON seat_view (program_id, position);
