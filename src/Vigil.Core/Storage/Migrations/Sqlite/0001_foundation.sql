-- Accounts, API keys, the domain-event outbox, the audit log and Data Protection keys.
CREATE TABLE users (
    id                  TEXT    NOT NULL PRIMARY KEY,
    email               TEXT    NOT NULL,
    normalized_email    TEXT    NOT NULL UNIQUE,
    password_hash       TEXT    NULL,
    security_stamp      TEXT    NOT NULL,
    concurrency_stamp   TEXT    NOT NULL,
    role                TEXT    NOT NULL,
    disabled            INTEGER NOT NULL DEFAULT 0,
    lockout_end         TEXT    NULL,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    last_sign_in_at     TEXT    NULL
);

CREATE TABLE api_keys (
    id           TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NULL,
    last_used_at TEXT NULL,
    revoked_at   TEXT NULL
);

CREATE TABLE outbox_events (
    seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    type         TEXT    NOT NULL,
    occurred_at  TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    published_at TEXT    NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT    NULL
);
CREATE INDEX ix_outbox_unpublished ON outbox_events (published_at, seq);

CREATE TABLE audit_log (
    id          TEXT NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NULL,
    detail      TEXT NULL,
    ip          TEXT NULL
);
CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);

CREATE TABLE data_protection_keys (
    friendly_name TEXT NOT NULL PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
