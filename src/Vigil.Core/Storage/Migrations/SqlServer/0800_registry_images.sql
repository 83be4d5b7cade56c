-- Registry images as nodes: one row per image node (registry integration + repository + tag) with the digest it
-- pointed at when last listed. image_sboms remembers which scan built the SBOM of a digest, so an image already
-- scanned under any tag is re-matched from its stored SBOM instead of being pulled again.
CREATE TABLE registry_images (
    node_id        NVARCHAR(64)   NOT NULL PRIMARY KEY,
    integration_id NVARCHAR(64)   NOT NULL,
    repository     NVARCHAR(256)  NOT NULL,
    tag            NVARCHAR(128)  NOT NULL,
    digest         NVARCHAR(100)  NOT NULL,
    pushed_at      DATETIMEOFFSET NULL,
    updated_at     DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_registry_images_tag ON registry_images (integration_id, repository, tag);
CREATE INDEX ix_registry_images_digest ON registry_images (digest);

CREATE TABLE image_sboms (
    digest     NVARCHAR(100)  NOT NULL PRIMARY KEY,
    scan_id    NVARCHAR(64)   NOT NULL,
    created_at DATETIMEOFFSET NOT NULL
);
