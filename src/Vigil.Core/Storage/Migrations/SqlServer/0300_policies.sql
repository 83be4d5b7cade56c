-- Named scan policies (contracts §7), managed on the Policies page and fetched by `vigil scan --policy NAME`.
-- body is the policy's JSON exactly as the scanner's PolicyReader reads it.
CREATE TABLE policies (
    name       NVARCHAR(200)  NOT NULL PRIMARY KEY,
    body       NVARCHAR(MAX)  NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL,
    updated_by NVARCHAR(256)  NOT NULL
);
