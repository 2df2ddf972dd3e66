-- Places: London's integrated care systems, local authorities, LSOAs with IMD 2019, and organisations of every sector.
CREATE TABLE integrated_care_system (
    code        text PRIMARY KEY,            -- ONS GSS code, E54000027-31 in London
    ods_code    text NOT NULL UNIQUE,        -- NHS ODS code of the ICB, e.g. QMF
    name        text NOT NULL,
    short_name  text NOT NULL
);

CREATE TABLE local_authority (
    code             text PRIMARY KEY,       -- ONS GSS code E09000001-33
    name             text NOT NULL,
    inner_outer      text NOT NULL CHECK (inner_outer IN ('inner', 'outer')),
    ics_code         text NOT NULL REFERENCES integrated_care_system (code),
    population_2011  integer NOT NULL CHECK (population_2011 >= 0),
    population_2021  integer NOT NULL CHECK (population_2021 >= 0)
);

CREATE TABLE lsoa (
    code                  text PRIMARY KEY,  -- ONS GSS code E01xxxxxx (2011 LSOAs, as IMD 2019 uses)
    name                  text NOT NULL,
    local_authority_code  text NOT NULL REFERENCES local_authority (code),
    imd_score             double precision NOT NULL,
    imd_rank              integer NOT NULL CHECK (imd_rank >= 1),
    imd_decile            integer NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
    income_score_pct      double precision,
    employment_score_pct  double precision,
    population_mid2020    integer NOT NULL CHECK (population_mid2020 >= 0)
);
CREATE INDEX lsoa_by_local_authority ON lsoa (local_authority_code, imd_decile);

CREATE TABLE resident_population (
    local_authority_code  text NOT NULL REFERENCES local_authority (code),
    sex                   text NOT NULL CHECK (sex IN ('female', 'male')),
    age_min               integer NOT NULL CHECK (age_min >= 0),
    age_band              text NOT NULL,
    population            integer NOT NULL CHECK (population >= 0),
    PRIMARY KEY (local_authority_code, sex, age_min)
);

CREATE TABLE organisation (
    code                  text PRIMARY KEY,  -- ODS code for NHS bodies, GSS code for councils, charity number for VCS
    code_system           text NOT NULL,
    kind                  text NOT NULL,
    name                  text NOT NULL,
    postcode              text,
    active                integer NOT NULL CHECK (active IN (0, 1)),
    local_authority_code  text REFERENCES local_authority (code),
    ics_code              text REFERENCES integrated_care_system (code),
    part_of_code          text,              -- e.g. the PCN a practice belongs to
    list_size             integer CHECK (list_size >= 0)
);
CREATE INDEX organisation_by_place ON organisation (local_authority_code, kind);
CREATE INDEX organisation_by_ics ON organisation (ics_code, kind);
