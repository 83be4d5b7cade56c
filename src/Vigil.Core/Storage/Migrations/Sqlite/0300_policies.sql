-- Named scan policies (contracts §7), managed on the Policies page and fetched by `vigil scan --policy NAME`.
-- body is the policy's JSON exactly as the scanner's PolicyReader reads it.
CREATE TABLE policies (
    name       TEXT NOT NULL PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
