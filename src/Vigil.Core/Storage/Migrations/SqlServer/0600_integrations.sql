-- Configured plugin connectors ("integrations"): one row per named instance of a plugin's connector type.
-- settings holds the non-secret values as JSON; secrets holds the secret values as one Data Protection payload
-- (purpose per plugin), never readable without the key ring; secret_names (JSON array) says which are set.
CREATE TABLE integrations (
    id             NVARCHAR(64)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(200)  NOT NULL,
    plugin_id      NVARCHAR(100)  NOT NULL,
    connector_type NVARCHAR(100)  NOT NULL,
    kind           NVARCHAR(50)   NOT NULL,
    settings       NVARCHAR(MAX)  NOT NULL,
    secrets        NVARCHAR(MAX)  NULL,
    secret_names   NVARCHAR(MAX)  NOT NULL,
    created_at     DATETIMEOFFSET NOT NULL,
    updated_at     DATETIMEOFFSET NOT NULL,
    updated_by     NVARCHAR(256)  NOT NULL
);
CREATE UNIQUE INDEX ux_integrations_name ON integrations (name);
CREATE INDEX ix_integrations_plugin ON integrations (plugin_id);
