-- The rebuild of each view: requested on any node, carried out by whichever node's scheduler takes the task,
-- and read by every node (issue 10). One row per view that was ever rebuilt.
CREATE TABLE projection_replay (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    target_position BIGINT       NOT NULL,
    position        BIGINT       NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
