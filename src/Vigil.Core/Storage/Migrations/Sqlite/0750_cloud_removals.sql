-- Removals of nodes through a cloud connector that must still happen: a failed quarantine or termination is retried
-- with backoff from here, so a console restart loses none. next_attempt_at is Unix milliseconds (compared, not shown).
-- status: pending (will be retried), done, failed (gave up after the last attempt).
CREATE TABLE cloud_removals (
    id               TEXT    NOT NULL PRIMARY KEY,
    node_id          TEXT    NOT NULL,
    integration_id   TEXT    NOT NULL,
    instance_id      TEXT    NOT NULL,
    mode             TEXT    NOT NULL,
    reason           TEXT    NOT NULL,
    requested_by     TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_cloud_removals_due ON cloud_removals (status, next_attempt_at);
CREATE INDEX ix_cloud_removals_node ON cloud_removals (node_id);
