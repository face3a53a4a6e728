-- core.fct_verblijf without its FOREIGN KEY on age_group. DuckDB keeps an index for such a key and
-- checks every inserted row against it: a quarter of a second per 500,000 stays, most of what writing
-- them cost. The key guarded nothing the load does not already guarantee: age_group is looked up in
-- core.dim_age_group by the rules (OpvangRules) and the column stays NOT NULL. DuckDB cannot drop a
-- constraint, so the table is rebuilt with the same columns, rows and comments.
CREATE TABLE core.fct_verblijf_v096 (
    file_id               BIGINT   NOT NULL,
    row_number            INTEGER  NOT NULL,
    verblijf_id           VARCHAR  NOT NULL,
    client_key            UHUGEINT NOT NULL,
    geboortejaar          INTEGER  NOT NULL,
    age_at_start          INTEGER  NOT NULL,
    age_group             VARCHAR  NOT NULL,     -- a band of core.dim_age_group
    huishouden            VARCHAR,               -- alleenstaand, gezin
    geslacht              VARCHAR  NOT NULL,     -- v, m, x
    voorziening           VARCHAR  NOT NULL,
    voorzieningstype      VARCHAR  NOT NULL,
    aanbieder             VARCHAR,
    municipality_key      INTEGER  NOT NULL,     -- gemeente van herkomst
    start_date            DATE     NOT NULL,
    end_date              DATE,                  -- NULL = still there
    uitstroom_bestemming  VARCHAR,
    has_co_pas            BOOLEAN,
    facility_key          INTEGER                -- version of the facility at start_date (set after each load)
);

INSERT INTO core.fct_verblijf_v096 BY NAME SELECT * FROM core.fct_verblijf;

DROP TABLE core.fct_verblijf;

ALTER TABLE core.fct_verblijf_v096 RENAME TO fct_verblijf;

COMMENT ON TABLE core.fct_verblijf IS 'Shelter stays (grain: one stay of one client in one facility).';
COMMENT ON COLUMN core.fct_verblijf.client_key IS 'Keyed pseudonym of the client: the first 128 bits of HMAC-SHA256 of the identifier.';
COMMENT ON COLUMN core.fct_verblijf.age_group IS 'Age band at the start of the stay, one of core.dim_age_group (looked up by the load; no foreign key, see V096).';
