-- A registry image scan may be run by an agent started with --capabilities scanner: that agent's node is recorded so
-- it may report progress and upload the SBOM of a scan that is not its own node's, and so its loss fails the scan.
ALTER TABLE scans ADD COLUMN scanner_node_id TEXT NULL;
CREATE INDEX ix_scans_scanner_node ON scans (scanner_node_id);
