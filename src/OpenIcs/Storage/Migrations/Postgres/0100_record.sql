-- The shared care record: FHIR resources (current version in resource, older ones in resource_history) and the
-- search-index tables computed from them. rk is the resource's surrogate key; every clinical row carries patient,
-- the id of the resident whose record it is, so distributing by resident (Citus) keeps a person's data together.
-- Times are Unix milliseconds; date ranges have an exclusive high end. Every key column uses the C collation, so joins between
-- the resource and index tables can use each other's indexes (mixed collations cannot).
-- Index rows are also found by rk: to check a search's second condition on each candidate, to sort, to include and to
-- replace them on update. (A BRIN index loads faster but makes each of those lookups scan pages: 7 ms instead of 0.05.)
CREATE SEQUENCE resource_rk_seq;

CREATE TABLE resource (
    rk            bigint PRIMARY KEY,
    type          text COLLATE "C" NOT NULL,
    id            text COLLATE "C" NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    last_updated  bigint NOT NULL,
    deleted       integer NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    patient       text COLLATE "C",
    hash          bigint NOT NULL,        -- content hash, so reloading the same data makes no new version
    body          bytea                   -- UTF-8 JSON with meta.versionId and meta.lastUpdated; NULL once deleted
);
CREATE UNIQUE INDEX resource_by_id ON resource (type, id);
CREATE INDEX resource_by_type ON resource (type, rk);
CREATE INDEX resource_by_patient ON resource (patient, rk) WHERE patient IS NOT NULL;

CREATE TABLE resource_history (
    rk            bigint NOT NULL,
    version       integer NOT NULL,
    last_updated  bigint NOT NULL,
    deleted       integer NOT NULL CHECK (deleted IN (0, 1)),
    body          bytea,
    PRIMARY KEY (rk, version)
);

CREATE TABLE search_token (
    rk      bigint NOT NULL,
    param   text COLLATE "C" NOT NULL,
    system  text COLLATE "C" NOT NULL,    -- '' when the value has no system
    code    text COLLATE "C" NOT NULL
);
CREATE INDEX search_token_by_rk ON search_token (rk);
CREATE INDEX search_token_by_code ON search_token (param, code, system);

CREATE TABLE search_string (
    rk      bigint NOT NULL,
    param   text COLLATE "C" NOT NULL,
    folded  text COLLATE "C" NOT NULL,    -- lower case, accents removed
    exact   text NOT NULL
);
CREATE INDEX search_string_by_rk ON search_string (rk);
CREATE INDEX search_string_by_value ON search_string (param, folded);

CREATE TABLE search_date (
    rk      bigint NOT NULL,
    param   text COLLATE "C" NOT NULL,
    low     bigint NOT NULL,
    high    bigint NOT NULL
);
CREATE INDEX search_date_by_rk ON search_date (rk);
CREATE INDEX search_date_by_value ON search_date (param, low, high);

CREATE TABLE search_reference (
    rk           bigint NOT NULL,
    param        text COLLATE "C" NOT NULL,
    target_type  text COLLATE "C" NOT NULL,  -- '' for absolute and canonical URLs
    target_id    text COLLATE "C" NOT NULL
);
CREATE INDEX search_reference_by_rk ON search_reference (rk);
CREATE INDEX search_reference_by_target ON search_reference (target_id, target_type, param);

CREATE TABLE search_quantity (
    rk      bigint NOT NULL,
    param   text COLLATE "C" NOT NULL,
    system  text COLLATE "C" NOT NULL,
    code    text COLLATE "C" NOT NULL,
    low     double precision NOT NULL,
    high    double precision NOT NULL
);
CREATE INDEX search_quantity_by_rk ON search_quantity (rk);
CREATE INDEX search_quantity_by_value ON search_quantity (param, low);

-- One Patient per NHS number.
CREATE TABLE patient_nhs_number (
    nhs_number  text PRIMARY KEY,
    rk          bigint NOT NULL
);
CREATE INDEX patient_nhs_number_by_rk ON patient_nhs_number (rk);
