-- Scans, their SBOMs and findings, each node's current assessment and triage (issue 6).
CREATE TABLE scans (
    id              NVARCHAR(64)   NOT NULL PRIMARY KEY,
    node_id         NVARCHAR(64)   NOT NULL,
    status          NVARCHAR(16)   NOT NULL,
    stage           NVARCHAR(64)   NULL,
    progress        INT            NOT NULL DEFAULT 0,
    error           NVARCHAR(2000) NULL,
    requested_by    NVARCHAR(256)  NOT NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    started_at      DATETIMEOFFSET NULL,
    progress_at     DATETIMEOFFSET NULL,
    finished_at     DATETIMEOFFSET NULL,
    deadline        DATETIMEOFFSET NOT NULL,
    snapshot_id     NVARCHAR(128)  NULL,
    critical        INT            NULL,
    high            INT            NULL,
    medium          INT            NULL,
    low             INT            NULL,
    unknown         INT            NULL,
    component_count INT            NULL
);
-- One active scan per node, enforced by the database so concurrent requests can never start a duplicate.
CREATE UNIQUE INDEX ux_scans_active_node ON scans (node_id) WHERE status IN ('queued', 'running');
CREATE INDEX ix_scans_node_created ON scans (node_id, created_at);
CREATE INDEX ix_scans_status_created ON scans (status, created_at);

-- The CycloneDX JSON of a scan, gzip-compressed.
CREATE TABLE scan_sboms (
    scan_id    NVARCHAR(64)    NOT NULL PRIMARY KEY,
    node_id    NVARCHAR(64)    NOT NULL,
    content    VARBINARY(MAX)  NOT NULL,
    size       BIGINT          NOT NULL,
    created_at DATETIMEOFFSET  NOT NULL
);

CREATE TABLE scan_findings (
    scan_id         NVARCHAR(64)   NOT NULL,
    key_hash        NVARCHAR(64)   NOT NULL,
    finding_key     NVARCHAR(MAX)  NOT NULL,
    advisory_id     NVARCHAR(128)  NOT NULL,
    aliases         NVARCHAR(MAX)  NOT NULL,
    summary         NVARCHAR(MAX)  NULL,
    severity        NVARCHAR(16)   NOT NULL,
    score           FLOAT          NULL,
    package_name    NVARCHAR(512)  NOT NULL,
    package_version NVARCHAR(256)  NOT NULL,
    ecosystem       NVARCHAR(128)  NOT NULL,
    purl            NVARCHAR(1000) NOT NULL,
    fixed_versions  NVARCHAR(MAX)  NOT NULL,
    location        NVARCHAR(1000) NOT NULL,
    status          NVARCHAR(32)   NOT NULL,
    CONSTRAINT pk_scan_findings PRIMARY KEY (scan_id, key_hash)
);

-- A node's latest SBOM matched against the latest feed snapshot: a feed update changes it without a rescan.
CREATE TABLE node_assessments (
    node_id         NVARCHAR(64)   NOT NULL PRIMARY KEY,
    sbom_scan_id    NVARCHAR(64)   NOT NULL,
    snapshot_id     NVARCHAR(128)  NULL,
    assessed_at     DATETIMEOFFSET NULL,
    critical        INT            NOT NULL DEFAULT 0,
    high            INT            NOT NULL DEFAULT 0,
    medium          INT            NOT NULL DEFAULT 0,
    low             INT            NOT NULL DEFAULT 0,
    unknown         INT            NOT NULL DEFAULT 0,
    component_count INT            NOT NULL DEFAULT 0
);

CREATE TABLE node_findings (
    node_id         NVARCHAR(64)   NOT NULL,
    key_hash        NVARCHAR(64)   NOT NULL,
    finding_key     NVARCHAR(MAX)  NOT NULL,
    advisory_id     NVARCHAR(128)  NOT NULL,
    aliases         NVARCHAR(MAX)  NOT NULL,
    summary         NVARCHAR(MAX)  NULL,
    severity        NVARCHAR(16)   NOT NULL,
    score           FLOAT          NULL,
    package_name    NVARCHAR(512)  NOT NULL,
    package_version NVARCHAR(256)  NOT NULL,
    ecosystem       NVARCHAR(128)  NOT NULL,
    purl            NVARCHAR(1000) NOT NULL,
    fixed_versions  NVARCHAR(MAX)  NOT NULL,
    location        NVARCHAR(1000) NOT NULL,
    status          NVARCHAR(32)   NOT NULL,
    first_seen      DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_node_findings PRIMARY KEY (node_id, key_hash)
);
CREATE INDEX ix_node_findings_advisory ON node_findings (advisory_id);

-- key_hash is the SHA-256 of finding_key: keys hold paths of any length, index keys cannot.
-- Triage of a finding key on one node, or fleet-wide when node_id is '*'.
CREATE TABLE finding_triage (
    id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
    key_hash    NVARCHAR(64)   NOT NULL,
    finding_key NVARCHAR(MAX)  NOT NULL,
    node_id     NVARCHAR(64)   NOT NULL,
    state       NVARCHAR(32)   NOT NULL,
    reason      NVARCHAR(2000) NOT NULL,
    expires_at  DATETIMEOFFSET NULL,
    created_by  NVARCHAR(256)  NOT NULL,
    created_at  DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_finding_triage_key_node ON finding_triage (key_hash, node_id);
