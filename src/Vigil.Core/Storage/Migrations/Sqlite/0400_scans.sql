-- Scans, their SBOMs and findings, each node's current assessment and triage (issue 6).
CREATE TABLE scans (
    id              TEXT    NOT NULL PRIMARY KEY,
    node_id         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    stage           TEXT    NULL,
    progress        INTEGER NOT NULL DEFAULT 0,
    error           TEXT    NULL,
    requested_by    TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    started_at      TEXT    NULL,
    progress_at     TEXT    NULL,
    finished_at     TEXT    NULL,
    deadline        TEXT    NOT NULL,
    snapshot_id     TEXT    NULL,
    critical        INTEGER NULL,
    high            INTEGER NULL,
    medium          INTEGER NULL,
    low             INTEGER NULL,
    unknown         INTEGER NULL,
    component_count INTEGER NULL
);
-- One active scan per node, enforced by the database so concurrent requests can never start a duplicate.
CREATE UNIQUE INDEX ux_scans_active_node ON scans (node_id) WHERE status IN ('queued', 'running');
CREATE INDEX ix_scans_node_created ON scans (node_id, created_at);
CREATE INDEX ix_scans_status_created ON scans (status, created_at);

-- The CycloneDX JSON of a scan, gzip-compressed.
CREATE TABLE scan_sboms (
    scan_id    TEXT    NOT NULL PRIMARY KEY,
    node_id    TEXT    NOT NULL,
    content    BLOB    NOT NULL,
    size       INTEGER NOT NULL,
    created_at TEXT    NOT NULL
);

CREATE TABLE scan_findings (
    scan_id         TEXT NOT NULL,
    key_hash        TEXT NOT NULL,
    finding_key     TEXT NOT NULL,
    advisory_id     TEXT NOT NULL,
    aliases         TEXT NOT NULL,
    summary         TEXT NULL,
    severity        TEXT NOT NULL,
    score           REAL NULL,
    package_name    TEXT NOT NULL,
    package_version TEXT NOT NULL,
    ecosystem       TEXT NOT NULL,
    purl            TEXT NOT NULL,
    fixed_versions  TEXT NOT NULL,
    location        TEXT NOT NULL,
    status          TEXT NOT NULL,
    PRIMARY KEY (scan_id, key_hash)
);

-- A node's latest SBOM matched against the latest feed snapshot: a feed update changes it without a rescan.
CREATE TABLE node_assessments (
    node_id         TEXT    NOT NULL PRIMARY KEY,
    sbom_scan_id    TEXT    NOT NULL,
    snapshot_id     TEXT    NULL,
    assessed_at     TEXT    NULL,
    critical        INTEGER NOT NULL DEFAULT 0,
    high            INTEGER NOT NULL DEFAULT 0,
    medium          INTEGER NOT NULL DEFAULT 0,
    low             INTEGER NOT NULL DEFAULT 0,
    unknown         INTEGER NOT NULL DEFAULT 0,
    component_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE node_findings (
    node_id         TEXT NOT NULL,
    key_hash        TEXT NOT NULL,
    finding_key     TEXT NOT NULL,
    advisory_id     TEXT NOT NULL,
    aliases         TEXT NOT NULL,
    summary         TEXT NULL,
    severity        TEXT NOT NULL,
    score           REAL NULL,
    package_name    TEXT NOT NULL,
    package_version TEXT NOT NULL,
    ecosystem       TEXT NOT NULL,
    purl            TEXT NOT NULL,
    fixed_versions  TEXT NOT NULL,
    location        TEXT NOT NULL,
    status          TEXT NOT NULL,
    first_seen      TEXT NOT NULL,
    PRIMARY KEY (node_id, key_hash)
);
CREATE INDEX ix_node_findings_advisory ON node_findings (advisory_id);

-- key_hash is the SHA-256 of finding_key: keys hold paths of any length, index keys cannot.
-- Triage of a finding key on one node, or fleet-wide when node_id is '*'.
CREATE TABLE finding_triage (
    id          TEXT NOT NULL PRIMARY KEY,
    key_hash    TEXT NOT NULL,
    finding_key TEXT NOT NULL,
    node_id     TEXT NOT NULL,
    state       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    expires_at  TEXT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_finding_triage_key_node ON finding_triage (key_hash, node_id);
