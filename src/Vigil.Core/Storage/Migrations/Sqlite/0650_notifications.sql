-- Notification rules: which events (JSON array of kinds), filters (minimum severity, node labels as a JSON object,
-- registries as a JSON array), which configured notification integrations (JSON array of ids), and the digest window
-- in minutes (0 = send each one as it happens).
CREATE TABLE notification_rules (
    id             TEXT NOT NULL PRIMARY KEY,
    name           TEXT NOT NULL,
    enabled        INTEGER NOT NULL,
    events         TEXT NOT NULL,
    min_severity   TEXT NOT NULL,
    labels         TEXT NOT NULL,
    registries     TEXT NOT NULL,
    channels       TEXT NOT NULL,
    digest_minutes INTEGER NOT NULL,
    per_finding    INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_notification_rules_name ON notification_rules (name);

-- The delivery queue and log: one row per message per channel. idempotency_key (source event, rule, channel) makes
-- the outbox's redelivery enqueue nothing twice; due_at is when the worker next looks at a pending row (or when a
-- claimed one's lease runs out).
CREATE TABLE notification_deliveries (
    id              TEXT NOT NULL PRIMARY KEY,
    idempotency_key TEXT NOT NULL,
    integration_id  TEXT NOT NULL,
    channel_name    TEXT NOT NULL,
    rule_id         TEXT NULL,
    rule_name       TEXT NULL,
    event_type      TEXT NOT NULL,
    title           TEXT NOT NULL,
    message         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    last_error      TEXT NULL,
    response_code   INTEGER NULL,
    created_at      TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    completed_at    TEXT NULL
);
CREATE UNIQUE INDEX ux_notification_deliveries_key ON notification_deliveries (idempotency_key);
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, due_at);
CREATE INDEX ix_notification_deliveries_created ON notification_deliveries (created_at);

-- Messages waiting for a digest rule's window to close: flushed into one delivery per (rule, channel) at flush_at.
CREATE TABLE notification_digest_items (
    id              TEXT NOT NULL PRIMARY KEY,
    idempotency_key TEXT NOT NULL,
    rule_id         TEXT NOT NULL,
    integration_id  TEXT NOT NULL,
    message         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    flush_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_notification_digest_items_key ON notification_digest_items (idempotency_key);
CREATE INDEX ix_notification_digest_items_flush ON notification_digest_items (flush_at);
