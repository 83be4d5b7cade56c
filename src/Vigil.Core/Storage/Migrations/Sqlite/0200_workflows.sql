-- Workflow engine (Vigil.Workflows): definitions and immutable versions, trigger index, instances with leases,
-- bookmarks, journal, early stimuli. Times are UTC unix milliseconds so both providers compare them the same way.

CREATE TABLE workflow_definitions (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    description       TEXT    NULL,
    draft_json        TEXT    NULL,
    latest_version    INTEGER NOT NULL DEFAULT 0,
    published_version INTEGER NULL,
    is_enabled        INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

CREATE TABLE workflow_definition_versions (
    definition_id TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    json          TEXT    NOT NULL,
    published_at  INTEGER NOT NULL,
    published_by  TEXT    NULL,
    PRIMARY KEY (definition_id, version)
);

-- One row per trigger activity of each definition's published version: an event finds its flows here.
CREATE TABLE workflow_triggers (
    definition_id TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    activity_id   TEXT    NOT NULL,
    activity_type TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    inputs_json   TEXT    NOT NULL,
    PRIMARY KEY (definition_id, activity_id)
);
CREATE INDEX ix_workflow_triggers_event ON workflow_triggers (event_type);

CREATE TABLE workflow_instances (
    id                  TEXT    NOT NULL PRIMARY KEY,
    definition_id       TEXT    NOT NULL,
    definition_version  INTEGER NOT NULL,
    status              TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    finished_at         INTEGER NULL,
    faulted_activity_id TEXT    NULL,
    error               TEXT    NULL,
    state_json          TEXT    NOT NULL,
    lease_token         TEXT    NULL,
    lease_until         INTEGER NULL
);
CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, created_at);
CREATE INDEX ix_workflow_instances_status ON workflow_instances (status, updated_at);

-- Idempotent starts: one instance per (event, trigger) even when the event is delivered twice.
CREATE TABLE workflow_start_receipts (
    start_key   TEXT    NOT NULL PRIMARY KEY,
    instance_id TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE workflow_bookmarks (
    id              TEXT    NOT NULL PRIMARY KEY,
    instance_id     TEXT    NOT NULL,
    activity_id     TEXT    NOT NULL,
    event_name      TEXT    NOT NULL,
    correlation_key TEXT    NULL,
    due_at          INTEGER NULL,
    payload_json    TEXT    NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX ix_workflow_bookmarks_event ON workflow_bookmarks (event_name, correlation_key);
CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_due ON workflow_bookmarks (due_at);

CREATE TABLE workflow_journal (
    instance_id   TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    activity_id   TEXT    NOT NULL,
    activity_type TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    outcomes      TEXT    NULL,
    inputs_json   TEXT    NULL,
    outputs_json  TEXT    NULL,
    error         TEXT    NULL,
    resumed       INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);

-- Events with a correlation key that found no bookmark yet (the scan finished before Wait for scan was stored).
CREATE TABLE workflow_stimuli (
    id              TEXT    NOT NULL PRIMARY KEY,
    event_name      TEXT    NOT NULL,
    correlation_key TEXT    NOT NULL,
    payload_json    TEXT    NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX ix_workflow_stimuli_event ON workflow_stimuli (event_name, correlation_key);
