-- Enrollment tokens, the node inventory and agent credentials (issue 6). Secrets are stored as SHA-256 only.
CREATE TABLE enrollment_tokens (
    id           NVARCHAR(64)   NOT NULL PRIMARY KEY,
    description  NVARCHAR(200)  NULL,
    prefix       NVARCHAR(32)   NOT NULL,
    token_hash   NVARCHAR(64)   NOT NULL CONSTRAINT uq_enrollment_tokens_hash UNIQUE,
    labels       NVARCHAR(MAX)  NOT NULL,
    max_uses     INT            NOT NULL,
    uses         INT            NOT NULL DEFAULT 0,
    created_by   NVARCHAR(256)  NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL,
    expires_at   DATETIMEOFFSET NOT NULL,
    last_used_at DATETIMEOFFSET NULL,
    revoked_at   DATETIMEOFFSET NULL
);

CREATE TABLE nodes (
    id            NVARCHAR(64)   NOT NULL PRIMARY KEY,
    name          NVARCHAR(200)  NOT NULL,
    type          NVARCHAR(32)   NOT NULL,
    status        NVARCHAR(32)   NOT NULL,
    facts         NVARCHAR(MAX)  NULL,
    enrolled_at   DATETIMEOFFSET NOT NULL,
    registered_at DATETIMEOFFSET NULL,
    first_seen    DATETIMEOFFSET NULL,
    last_seen     DATETIMEOFFSET NULL
);
CREATE INDEX ix_nodes_status_last_seen ON nodes (status, last_seen);
CREATE INDEX ix_nodes_name ON nodes (name);

CREATE TABLE node_labels (
    node_id     NVARCHAR(64)  NOT NULL,
    label_key   NVARCHAR(64)  NOT NULL,
    label_value NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_node_labels PRIMARY KEY (node_id, label_key)
);
CREATE INDEX ix_node_labels_key_value ON node_labels (label_key, label_value);

CREATE TABLE agent_credentials (
    id                  NVARCHAR(64)   NOT NULL PRIMARY KEY,
    node_id             NVARCHAR(64)   NOT NULL,
    prefix              NVARCHAR(32)   NOT NULL,
    credential_hash     NVARCHAR(64)   NOT NULL CONSTRAINT uq_agent_credentials_hash UNIQUE,
    enrollment_token_id NVARCHAR(64)   NOT NULL,
    created_at          DATETIMEOFFSET NOT NULL,
    revoked_at          DATETIMEOFFSET NULL
);
CREATE INDEX ix_agent_credentials_node ON agent_credentials (node_id);
