-- Notification rules: which events (JSON array of kinds), filters (minimum severity, node labels as a JSON object,
-- registries as a JSON array), which configured notification integrations (JSON array of ids), and the digest window
-- in minutes (0 = send each one as it happens).
CREATE TABLE notification_rules (
    id             NVARCHAR(64)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(200)  NOT NULL,
    enabled        BIT            NOT NULL,
    events         NVARCHAR(MAX)  NOT NULL,
    min_severity   NVARCHAR(20)   NOT NULL,
    labels         NVARCHAR(MAX)  NOT NULL,
    registries     NVARCHAR(MAX)  NOT NULL,
    channels       NVARCHAR(MAX)  NOT NULL,
    digest_minutes INT            NOT NULL,
    per_finding    BIT            NOT NULL,
    created_at     DATETIMEOFFSET NOT NULL,
    updated_at     DATETIMEOFFSET NOT NULL,
    updated_by     NVARCHAR(256)  NOT NULL
);
CREATE UNIQUE INDEX ux_notification_rules_name ON notification_rules (name);

-- The delivery queue and log: one row per message per channel. idempotency_key (source event, rule, channel) makes
-- the outbox's redelivery enqueue nothing twice; due_at is when the worker next looks at a pending row (or when a
-- claimed one's lease runs out).
CREATE TABLE notification_deliveries (
    id              NVARCHAR(64)   NOT NULL PRIMARY KEY,
    idempotency_key NVARCHAR(400)  NOT NULL,
    integration_id  NVARCHAR(64)   NOT NULL,
    channel_name    NVARCHAR(200)  NOT NULL,
    rule_id         NVARCHAR(64)   NULL,
    rule_name       NVARCHAR(200)  NULL,
    event_type      NVARCHAR(100)  NOT NULL,
    title           NVARCHAR(1000) NOT NULL,
    message         NVARCHAR(MAX)  NOT NULL,
    status          NVARCHAR(20)   NOT NULL,
    attempts        INT            NOT NULL,
    last_error      NVARCHAR(MAX)  NULL,
    response_code   INT            NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    due_at          DATETIMEOFFSET NOT NULL,
    completed_at    DATETIMEOFFSET NULL
);
CREATE UNIQUE INDEX ux_notification_deliveries_key ON notification_deliveries (idempotency_key);
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, due_at);
CREATE INDEX ix_notification_deliveries_created ON notification_deliveries (created_at);

-- Messages waiting for a digest rule's window to close: flushed into one delivery per (rule, channel) at flush_at.
CREATE TABLE notification_digest_items (
    id              NVARCHAR(64)   NOT NULL PRIMARY KEY,
    idempotency_key NVARCHAR(400)  NOT NULL,
    rule_id         NVARCHAR(64)   NOT NULL,
    integration_id  NVARCHAR(64)   NOT NULL,
    message         NVARCHAR(MAX)  NOT NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    flush_at        DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_notification_digest_items_key ON notification_digest_items (idempotency_key);
CREATE INDEX ix_notification_digest_items_flush ON notification_digest_items (flush_at);
