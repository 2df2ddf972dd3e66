-- Places: London's integrated care systems, local authorities, LSOAs with IMD 2019, and organisations of every sector.
CREATE TABLE integrated_care_system (
    code        TEXT PRIMARY KEY,            -- ONS GSS code, E54000027-31 in London
    ods_code    TEXT NOT NULL UNIQUE,        -- NHS ODS code of the ICB, e.g. QMF
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL
) STRICT;

CREATE TABLE local_authority (
    code             TEXT PRIMARY KEY,       -- ONS GSS code E09000001-33
    name             TEXT NOT NULL,
    inner_outer      TEXT NOT NULL CHECK (inner_outer IN ('inner', 'outer')),
    ics_code         TEXT NOT NULL REFERENCES integrated_care_system (code),
    population_2011  INTEGER NOT NULL CHECK (population_2011 >= 0),
    population_2021  INTEGER NOT NULL CHECK (population_2021 >= 0)
) STRICT;

CREATE TABLE lsoa (
    code                  TEXT PRIMARY KEY,  -- ONS GSS code E01xxxxxx (2011 LSOAs, as IMD 2019 uses)
    name                  TEXT NOT NULL,
    local_authority_code  TEXT NOT NULL REFERENCES local_authority (code),
    imd_score             REAL NOT NULL,
    imd_rank              INTEGER NOT NULL CHECK (imd_rank >= 1),
    imd_decile            INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
    income_score_pct      REAL,
    employment_score_pct  REAL,
    population_mid2020    INTEGER NOT NULL CHECK (population_mid2020 >= 0)
) STRICT;
CREATE INDEX lsoa_by_local_authority ON lsoa (local_authority_code, imd_decile);

CREATE TABLE resident_population (
    local_authority_code  TEXT NOT NULL REFERENCES local_authority (code),
    sex                   TEXT NOT NULL CHECK (sex IN ('female', 'male')),
    age_min               INTEGER NOT NULL CHECK (age_min >= 0),
    age_band              TEXT NOT NULL,
    population            INTEGER NOT NULL CHECK (population >= 0),
    PRIMARY KEY (local_authority_code, sex, age_min)
) STRICT;

CREATE TABLE organisation (
    code                  TEXT PRIMARY KEY,  -- ODS code for NHS bodies, GSS code for councils, charity number for VCS
    code_system           TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    name                  TEXT NOT NULL,
    postcode              TEXT,
    active                INTEGER NOT NULL CHECK (active IN (0, 1)),
    local_authority_code  TEXT REFERENCES local_authority (code),
    ics_code              TEXT REFERENCES integrated_care_system (code),
    part_of_code          TEXT,              -- e.g. the PCN a practice belongs to
    list_size             INTEGER CHECK (list_size >= 0)
) STRICT;
CREATE INDEX organisation_by_place ON organisation (local_authority_code, kind);
CREATE INDEX organisation_by_ics ON organisation (ics_code, kind);
