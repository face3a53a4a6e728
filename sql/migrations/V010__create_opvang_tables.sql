-- Shelter chain: stays (maatschappelijke opvang, vrouwenopvang, beschermd wonen, Wonen Eerst),
-- nights in the night shelter and refusals. client_key is the keyed pseudonym of the client.

-- Client groups as the councils count them: children (< 18), jongeren (18-23), adults (23+).
CREATE TABLE core.dim_age_group (
    age_group    VARCHAR PRIMARY KEY,
    description  VARCHAR NOT NULL,
    min_age      INTEGER NOT NULL,
    max_age      INTEGER                -- exclusive; NULL = no upper bound
);
INSERT INTO core.dim_age_group VALUES
    ('kind',       'Kind (jonger dan 18)',        0, 18),
    ('jongere',    'Jongere (18 tot 23 jaar)',   18, 23),
    ('volwassene', 'Volwassene (23 jaar en ouder)', 23, NULL);

-- Facilities and their providers change over the years: type-2 history. One row per version;
-- valid_to NULL = the current version. Rebuilt on every load from the stays as delivered
-- (a new version starts with the first stay delivered with another type or provider).
CREATE TABLE core.dim_facility (
    facility_key      INTEGER PRIMARY KEY,
    voorziening       VARCHAR NOT NULL,
    voorzieningstype  VARCHAR NOT NULL,
    aanbieder         VARCHAR NOT NULL,
    valid_from        DATE    NOT NULL,
    valid_to          DATE,
    is_current        BOOLEAN NOT NULL
);

CREATE TABLE core.fct_verblijf (
    file_id               BIGINT  NOT NULL,
    row_number            INTEGER NOT NULL,
    verblijf_id           VARCHAR NOT NULL,
    client_key            VARCHAR NOT NULL,
    geboortejaar          INTEGER NOT NULL,
    age_at_start          INTEGER NOT NULL,
    age_group             VARCHAR NOT NULL REFERENCES core.dim_age_group (age_group),
    huishouden            VARCHAR,               -- alleenstaand, gezin
    geslacht              VARCHAR NOT NULL,      -- v, m, x
    voorziening           VARCHAR NOT NULL,
    voorzieningstype      VARCHAR NOT NULL,
    aanbieder             VARCHAR,
    municipality_key      INTEGER NOT NULL,      -- gemeente van herkomst
    start_date            DATE    NOT NULL,
    end_date              DATE,                  -- NULL = still there
    uitstroom_bestemming  VARCHAR,
    has_co_pas            BOOLEAN,
    facility_key          INTEGER                -- version of the facility at start_date (set after each load)
);

CREATE TABLE core.fct_nacht (
    file_id       BIGINT  NOT NULL,
    row_number    INTEGER NOT NULL,
    client_key    VARCHAR NOT NULL,
    night_date    DATE    NOT NULL,
    voorziening   VARCHAR NOT NULL,
    facility_key  INTEGER
);

CREATE TABLE core.fct_afwijzing (
    file_id           BIGINT  NOT NULL,
    row_number        INTEGER NOT NULL,
    refusal_date      DATE    NOT NULL,
    voorziening       VARCHAR NOT NULL,
    reden             VARCHAR NOT NULL,
    municipality_key  INTEGER,                   -- optional in the export
    facility_key      INTEGER
);

COMMENT ON TABLE core.dim_age_group IS 'Client groups by age: kind (<18), jongere (18-23), volwassene (23+).';
COMMENT ON TABLE core.dim_facility IS 'Shelter facilities with type and provider, type-2 history (valid_from/valid_to).';
COMMENT ON TABLE core.fct_verblijf IS 'Shelter stays (grain: one stay of one client in one facility).';
COMMENT ON TABLE core.fct_nacht IS 'Nights spent in a shelter facility (grain: one client, one night).';
COMMENT ON TABLE core.fct_afwijzing IS 'Refusals by a shelter facility (grain: one refusal).';
