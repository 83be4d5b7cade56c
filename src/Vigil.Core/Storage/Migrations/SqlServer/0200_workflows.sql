-- Workflow engine (Vigil.Workflows): definitions and immutable versions, trigger index, instances with leases,
-- bookmarks, journal, early stimuli. Times are UTC unix milliseconds (BIGINT) so both providers compare them the same way.

CREATE TABLE workflow_definitions (
    id                NVARCHAR(200) NOT NULL PRIMARY KEY,
    name              NVARCHAR(200)    NOT NULL,
    description       NVARCHAR(MAX)    NULL,
    draft_json        NVARCHAR(MAX)    NULL,
    latest_version    INT     NOT NULL DEFAULT 0,
    published_version INT     NULL,
    is_enabled        INT     NOT NULL DEFAULT 1,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE TABLE workflow_definition_versions (
    definition_id NVARCHAR(200)    NOT NULL,
    version       INT     NOT NULL,
    json          NVARCHAR(MAX)    NOT NULL,
    published_at  BIGINT  NOT NULL,
    published_by  NVARCHAR(200)    NULL,
    PRIMARY KEY (definition_id, version)
);

-- One row per trigger activity of each definition's published version: an event finds its flows here.
CREATE TABLE workflow_triggers (
    definition_id NVARCHAR(200)    NOT NULL,
    version       INT     NOT NULL,
    activity_id   NVARCHAR(200)    NOT NULL,
    activity_type NVARCHAR(200)    NOT NULL,
    event_type    NVARCHAR(200)    NOT NULL,
    inputs_json   NVARCHAR(MAX)    NOT NULL,
    PRIMARY KEY (definition_id, activity_id)
);
CREATE INDEX ix_workflow_triggers_event ON workflow_triggers (event_type);

CREATE TABLE workflow_instances (
    id                  NVARCHAR(200) NOT NULL PRIMARY KEY,
    definition_id       NVARCHAR(200)    NOT NULL,
    definition_version  INT     NOT NULL,
    status              NVARCHAR(200)    NOT NULL,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    finished_at         BIGINT  NULL,
    faulted_activity_id NVARCHAR(200)    NULL,
    error               NVARCHAR(MAX)    NULL,
    state_json          NVARCHAR(MAX)    NOT NULL,
    lease_token         NVARCHAR(200)    NULL,
    lease_until         BIGINT  NULL
);
CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, created_at);
CREATE INDEX ix_workflow_instances_status ON workflow_instances (status, updated_at);

-- Idempotent starts: one instance per (event, trigger) even when the event is delivered twice.
CREATE TABLE workflow_start_receipts (
    start_key   NVARCHAR(450) NOT NULL PRIMARY KEY,
    instance_id NVARCHAR(200)    NOT NULL,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE workflow_bookmarks (
    id              NVARCHAR(200) NOT NULL PRIMARY KEY,
    instance_id     NVARCHAR(200)    NOT NULL,
    activity_id     NVARCHAR(200)    NOT NULL,
    event_name      NVARCHAR(200)    NOT NULL,
    correlation_key NVARCHAR(200)    NULL,
    due_at          BIGINT  NULL,
    payload_json    NVARCHAR(MAX)    NULL,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX ix_workflow_bookmarks_event ON workflow_bookmarks (event_name, correlation_key);
CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_due ON workflow_bookmarks (due_at);

CREATE TABLE workflow_journal (
    instance_id   NVARCHAR(200)    NOT NULL,
    sequence      INT     NOT NULL,
    activity_id   NVARCHAR(200)    NOT NULL,
    activity_type NVARCHAR(200)    NOT NULL,
    status        NVARCHAR(200)    NOT NULL,
    outcomes      NVARCHAR(MAX)    NULL,
    inputs_json   NVARCHAR(MAX)    NULL,
    outputs_json  NVARCHAR(MAX)    NULL,
    error         NVARCHAR(MAX)    NULL,
    resumed       INT     NOT NULL,
    started_at    BIGINT  NOT NULL,
    finished_at   BIGINT  NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);

-- Events with a correlation key that found no bookmark yet (the scan finished before Wait for scan was stored).
CREATE TABLE workflow_stimuli (
    id              NVARCHAR(200) NOT NULL PRIMARY KEY,
    event_name      NVARCHAR(200)    NOT NULL,
    correlation_key NVARCHAR(200)    NOT NULL,
    payload_json    NVARCHAR(MAX)    NULL,
    expires_at      BIGINT  NOT NULL
);
CREATE INDEX ix_workflow_stimuli_event ON workflow_stimuli (event_name, correlation_key);
