-- Configured plugin connectors ("integrations"): one row per named instance of a plugin's connector type.
-- settings holds the non-secret values as JSON; secrets holds the secret values as one Data Protection payload
-- (purpose per plugin), never readable without the key ring; secret_names (JSON array) says which are set.
CREATE TABLE integrations (
    id             TEXT NOT NULL PRIMARY KEY,
    name           TEXT NOT NULL,
    plugin_id      TEXT NOT NULL,
    connector_type TEXT NOT NULL,
    kind           TEXT NOT NULL,
    settings       TEXT NOT NULL,
    secrets        TEXT NULL,
    secret_names   TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_integrations_name ON integrations (name);
CREATE INDEX ix_integrations_plugin ON integrations (plugin_id);
