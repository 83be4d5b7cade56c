-- Accounts, API keys, the domain-event outbox, the audit log and Data Protection keys.
CREATE TABLE users (
    id                  NVARCHAR(64)   NOT NULL PRIMARY KEY,
    email               NVARCHAR(256)  NOT NULL,
    normalized_email    NVARCHAR(256)  NOT NULL CONSTRAINT uq_users_normalized_email UNIQUE,
    password_hash       NVARCHAR(512)  NULL,
    security_stamp      NVARCHAR(64)   NOT NULL,
    concurrency_stamp   NVARCHAR(64)   NOT NULL,
    role                NVARCHAR(32)   NOT NULL,
    disabled            BIT            NOT NULL DEFAULT 0,
    lockout_end         DATETIMEOFFSET NULL,
    access_failed_count INT            NOT NULL DEFAULT 0,
    created_at          DATETIMEOFFSET NOT NULL,
    last_sign_in_at     DATETIMEOFFSET NULL
);

CREATE TABLE api_keys (
    id           NVARCHAR(64)   NOT NULL PRIMARY KEY,
    name         NVARCHAR(200)  NOT NULL,
    prefix       NVARCHAR(32)   NOT NULL,
    key_hash     NVARCHAR(64)   NOT NULL CONSTRAINT uq_api_keys_hash UNIQUE,
    role         NVARCHAR(32)   NOT NULL,
    created_by   NVARCHAR(256)  NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL,
    expires_at   DATETIMEOFFSET NULL,
    last_used_at DATETIMEOFFSET NULL,
    revoked_at   DATETIMEOFFSET NULL
);

CREATE TABLE outbox_events (
    seq          BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    id           NVARCHAR(64)   NOT NULL CONSTRAINT uq_outbox_id UNIQUE,
    type         NVARCHAR(100)  NOT NULL,
    occurred_at  DATETIMEOFFSET NOT NULL,
    payload      NVARCHAR(MAX)  NOT NULL,
    published_at DATETIMEOFFSET NULL,
    attempts     INT            NOT NULL DEFAULT 0,
    last_error   NVARCHAR(MAX)  NULL
);
CREATE INDEX ix_outbox_unpublished ON outbox_events (published_at, seq);

CREATE TABLE audit_log (
    id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
    occurred_at DATETIMEOFFSET NOT NULL,
    actor       NVARCHAR(256)  NOT NULL,
    action      NVARCHAR(100)  NOT NULL,
    target      NVARCHAR(400)  NULL,
    detail      NVARCHAR(MAX)  NULL,
    ip          NVARCHAR(64)   NULL
);
CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);

CREATE TABLE data_protection_keys (
    friendly_name NVARCHAR(256)  NOT NULL PRIMARY KEY,
    xml           NVARCHAR(MAX)  NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL
);
