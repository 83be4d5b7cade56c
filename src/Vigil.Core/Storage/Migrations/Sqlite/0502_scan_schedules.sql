-- Scan schedules (the Scheduled jobs page): a 5-field cron in an IANA time zone, kept also in Quartz's form (contracts
-- §11), and a target (all hosts, all containers, both, or nodes matching labels as JSON {"key":"value"}).
CREATE TABLE scan_schedules (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    cron          TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    quartz_cron   TEXT    NOT NULL,
    target_kind   TEXT    NOT NULL,
    target_labels TEXT    NOT NULL,
    is_enabled    INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    updated_by    TEXT    NOT NULL
);

-- One row per run of a schedule: when it fired and how it ended (started scans, found no nodes, or failed and why).
CREATE TABLE scan_schedule_runs (
    id           TEXT    NOT NULL PRIMARY KEY,
    schedule_id  TEXT    NOT NULL REFERENCES scan_schedules (id) ON DELETE CASCADE,
    fired_at     TEXT    NOT NULL,
    finished_at  TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    node_count   INTEGER NOT NULL,
    error        TEXT    NULL
);
CREATE INDEX ix_scan_schedule_runs_schedule ON scan_schedule_runs (schedule_id, fired_at);

-- The scans a run started, by id: join with the scans table for each scan's own outcome.
CREATE TABLE scan_schedule_run_scans (
    run_id  TEXT NOT NULL REFERENCES scan_schedule_runs (id) ON DELETE CASCADE,
    scan_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    PRIMARY KEY (run_id, scan_id)
);

-- Exists from the first start, disabled until an admin enables it: Sundays at 03:00 UTC.
INSERT INTO scan_schedules (id, name, cron, time_zone, quartz_cron, target_kind, target_labels, is_enabled, created_at, updated_at, updated_by)
VALUES ('weekly-scan', 'Weekly scan of all hosts and containers', '0 3 * * 0', 'UTC', '0 0 3 ? * SUN', 'hostsAndContainers', '{}', 0,
        strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'vigil');
