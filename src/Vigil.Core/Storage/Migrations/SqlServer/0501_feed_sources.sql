-- The console's feed sources (Vigil:Feeds:Sources) and how their last imports went; the Feed page shows these.
-- source is the configured text (path or URL).
CREATE TABLE feed_sources (
    source          NVARCHAR(450)  NOT NULL PRIMARY KEY,
    last_attempt_at DATETIMEOFFSET NULL,
    last_success_at DATETIMEOFFSET NULL,
    advisory_count  INT            NOT NULL DEFAULT 0,
    last_error      NVARCHAR(MAX)  NULL,
    etag            NVARCHAR(400)  NULL,
    last_modified   DATETIMEOFFSET NULL
);
