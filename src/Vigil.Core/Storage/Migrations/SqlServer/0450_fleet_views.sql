-- The monitoring wall's newest critical findings read the fleet's current findings by severity, newest first.
CREATE INDEX ix_node_findings_severity_seen ON node_findings (severity, first_seen);
