-- The shared care record: FHIR resources (current version in resource, older ones in resource_history) and the
-- search-index tables computed from them. rk is the resource's surrogate key; every clinical row carries patient,
-- the id of the resident whose record it is, so a future split by resident keeps a person's data together.
-- Times are Unix milliseconds; date ranges have an exclusive high end.
CREATE TABLE resource (
    rk            INTEGER PRIMARY KEY,
    type          TEXT NOT NULL,
    id            TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    last_updated  INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    patient       TEXT,
    hash          INTEGER NOT NULL,       -- content hash, so reloading the same data makes no new version
    body          BLOB                    -- UTF-8 JSON with meta.versionId and meta.lastUpdated; NULL once deleted
) STRICT;
CREATE UNIQUE INDEX resource_by_id ON resource (type, id);
CREATE INDEX resource_by_type ON resource (type);
CREATE INDEX resource_by_patient ON resource (patient) WHERE patient IS NOT NULL;

CREATE TABLE resource_history (
    rk            INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    last_updated  INTEGER NOT NULL,
    deleted       INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    body          BLOB,
    PRIMARY KEY (rk, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE search_token (
    rk      INTEGER NOT NULL,
    param   TEXT NOT NULL,
    system  TEXT NOT NULL,                -- '' when the value has no system
    code    TEXT NOT NULL,
    PRIMARY KEY (rk, param, system, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_token_by_code ON search_token (param, code, system);

CREATE TABLE search_string (
    rk      INTEGER NOT NULL,
    param   TEXT NOT NULL,
    folded  TEXT NOT NULL,                -- lower case, accents removed
    exact   TEXT NOT NULL,
    PRIMARY KEY (rk, param, folded, exact)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_string_by_value ON search_string (param, folded);

CREATE TABLE search_date (
    rk      INTEGER NOT NULL,
    param   TEXT NOT NULL,
    low     INTEGER NOT NULL,
    high    INTEGER NOT NULL,
    PRIMARY KEY (rk, param, low, high)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_date_by_value ON search_date (param, low, high);

CREATE TABLE search_reference (
    rk           INTEGER NOT NULL,
    param        TEXT NOT NULL,
    target_type  TEXT NOT NULL,           -- '' for absolute and canonical URLs
    target_id    TEXT NOT NULL,
    PRIMARY KEY (rk, param, target_type, target_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_reference_by_target ON search_reference (target_id, target_type, param);

CREATE TABLE search_quantity (
    rk      INTEGER NOT NULL,
    param   TEXT NOT NULL,
    system  TEXT NOT NULL,
    code    TEXT NOT NULL,
    low     REAL NOT NULL,
    high    REAL NOT NULL,
    PRIMARY KEY (rk, param, system, code, low, high)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_quantity_by_value ON search_quantity (param, low);

-- One Patient per NHS number.
CREATE TABLE patient_nhs_number (
    nhs_number  TEXT PRIMARY KEY,
    rk          INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX patient_nhs_number_by_rk ON patient_nhs_number (rk);
