-- Removals of nodes through a cloud connector that must still happen: a failed quarantine or termination is retried
-- with backoff from here, so a console restart loses none. next_attempt_at is Unix milliseconds (compared, not shown).
-- status: pending (will be retried), done, failed (gave up after the last attempt).
CREATE TABLE cloud_removals (
    id               NVARCHAR(64)   NOT NULL PRIMARY KEY,
    node_id          NVARCHAR(64)   NOT NULL,
    integration_id   NVARCHAR(64)   NOT NULL,
    instance_id      NVARCHAR(256)  NOT NULL,
    mode             NVARCHAR(20)   NOT NULL,
    reason           NVARCHAR(MAX)  NOT NULL,
    requested_by     NVARCHAR(256)  NOT NULL,
    status           NVARCHAR(20)   NOT NULL,
    attempts         INT            NOT NULL,
    next_attempt_at  BIGINT         NOT NULL,
    last_error       NVARCHAR(MAX)  NULL,
    created_at       DATETIMEOFFSET NOT NULL,
    updated_at       DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_cloud_removals_due ON cloud_removals (status, next_attempt_at);
CREATE INDEX ix_cloud_removals_node ON cloud_removals (node_id);
