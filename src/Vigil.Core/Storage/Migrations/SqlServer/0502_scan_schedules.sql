-- Scan schedules (the Scheduled jobs page): a 5-field cron in an IANA time zone, kept also in Quartz's form (contracts
-- §11), and a target (all hosts, all containers, both, or nodes matching labels as JSON {"key":"value"}).
CREATE TABLE scan_schedules (
    id            NVARCHAR(100)  NOT NULL PRIMARY KEY,
    name          NVARCHAR(200)  NOT NULL,
    cron          NVARCHAR(120)  NOT NULL,
    time_zone     NVARCHAR(80)   NOT NULL,
    quartz_cron   NVARCHAR(200)  NOT NULL,
    target_kind   NVARCHAR(40)   NOT NULL,
    target_labels NVARCHAR(MAX)  NOT NULL,
    is_enabled    BIT            NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL,
    updated_at    DATETIMEOFFSET NOT NULL,
    updated_by    NVARCHAR(256)  NOT NULL
);

-- One row per run of a schedule: when it fired and how it ended (started scans, found no nodes, or failed and why).
CREATE TABLE scan_schedule_runs (
    id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
    schedule_id NVARCHAR(100)  NOT NULL REFERENCES scan_schedules (id) ON DELETE CASCADE,
    fired_at    DATETIMEOFFSET NOT NULL,
    finished_at DATETIMEOFFSET NOT NULL,
    outcome     NVARCHAR(20)   NOT NULL,
    node_count  INT            NOT NULL,
    error       NVARCHAR(MAX)  NULL
);
CREATE INDEX ix_scan_schedule_runs_schedule ON scan_schedule_runs (schedule_id, fired_at);

-- The scans a run started, by id: join with the scans table for each scan's own outcome.
CREATE TABLE scan_schedule_run_scans (
    run_id  NVARCHAR(64)  NOT NULL REFERENCES scan_schedule_runs (id) ON DELETE CASCADE,
    scan_id NVARCHAR(64)  NOT NULL,
    node_id NVARCHAR(100) NOT NULL,
    PRIMARY KEY (run_id, scan_id)
);

-- Exists from the first start, disabled until an admin enables it: Sundays at 03:00 UTC.
INSERT INTO scan_schedules (id, name, cron, time_zone, quartz_cron, target_kind, target_labels, is_enabled, created_at, updated_at, updated_by)
VALUES ('weekly-scan', 'Weekly scan of all hosts and containers', '0 3 * * 0', 'UTC', '0 0 3 ? * SUN', 'hostsAndContainers', '{}', 0,
        SYSDATETIMEOFFSET(), SYSDATETIMEOFFSET(), 'vigil');
