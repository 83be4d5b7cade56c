-- The console's feed sources (Vigil:Feeds:Sources) and how their last imports went; the Feed page shows these.
-- source is the configured text (path or URL); times are ISO 8601 UTC like the other tables'.
CREATE TABLE feed_sources (
    source          TEXT    NOT NULL PRIMARY KEY,
    last_attempt_at TEXT    NULL,
    last_success_at TEXT    NULL,
    advisory_count  INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NULL,
    etag            TEXT    NULL,
    last_modified   TEXT    NULL
);
