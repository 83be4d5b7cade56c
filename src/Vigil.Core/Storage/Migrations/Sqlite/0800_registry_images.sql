-- Registry images as nodes: one row per image node (registry integration + repository + tag) with the digest it
-- pointed at when last listed. image_sboms remembers which scan built the SBOM of a digest, so an image already
-- scanned under any tag is re-matched from its stored SBOM instead of being pulled again.
CREATE TABLE registry_images (
    node_id        TEXT NOT NULL PRIMARY KEY,
    integration_id TEXT NOT NULL,
    repository     TEXT NOT NULL,
    tag            TEXT NOT NULL,
    digest         TEXT NOT NULL,
    pushed_at      TEXT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_registry_images_tag ON registry_images (integration_id, repository, tag);
CREATE INDEX ix_registry_images_digest ON registry_images (digest);

CREATE TABLE image_sboms (
    digest     TEXT NOT NULL PRIMARY KEY,
    scan_id    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
