-- Enrollment tokens, the node inventory and agent credentials (issue 6). Secrets are stored as SHA-256 only.
CREATE TABLE enrollment_tokens (
    id           TEXT    NOT NULL PRIMARY KEY,
    description  TEXT    NULL,
    prefix       TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    labels       TEXT    NOT NULL,
    max_uses     INTEGER NOT NULL,
    uses         INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    last_used_at TEXT    NULL,
    revoked_at   TEXT    NULL
);

CREATE TABLE nodes (
    id            TEXT NOT NULL PRIMARY KEY,
    name          TEXT NOT NULL,
    type          TEXT NOT NULL,
    status        TEXT NOT NULL,
    facts         TEXT NULL,
    enrolled_at   TEXT NOT NULL,
    registered_at TEXT NULL,
    first_seen    TEXT NULL,
    last_seen     TEXT NULL
);
CREATE INDEX ix_nodes_status_last_seen ON nodes (status, last_seen);
CREATE INDEX ix_nodes_name ON nodes (name);

CREATE TABLE node_labels (
    node_id     TEXT NOT NULL,
    label_key   TEXT NOT NULL,
    label_value TEXT NOT NULL,
    PRIMARY KEY (node_id, label_key)
);
CREATE INDEX ix_node_labels_key_value ON node_labels (label_key, label_value);

CREATE TABLE agent_credentials (
    id                  TEXT NOT NULL PRIMARY KEY,
    node_id             TEXT NOT NULL,
    prefix              TEXT NOT NULL,
    credential_hash     TEXT NOT NULL UNIQUE,
    enrollment_token_id TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    revoked_at          TEXT NULL
);
CREATE INDEX ix_agent_credentials_node ON agent_credentials (node_id);
