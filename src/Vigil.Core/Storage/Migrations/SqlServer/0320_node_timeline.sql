-- A node's timeline: every domain event that names the node (registration, scans, findings, labels, removal,
-- notifications), keyed by event id so the outbox's redelivery writes nothing twice.
CREATE TABLE node_events (
    event_id    NVARCHAR(64)   NOT NULL PRIMARY KEY,
    node_id     NVARCHAR(64)   NOT NULL,
    occurred_at DATETIMEOFFSET NOT NULL,
    type        NVARCHAR(100)  NOT NULL,
    payload     NVARCHAR(MAX)  NOT NULL
);
CREATE INDEX ix_node_events_node ON node_events (node_id, occurred_at);
