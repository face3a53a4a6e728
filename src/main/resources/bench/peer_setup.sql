-- The analyst's pipeline (bench only): what a skilled dbt-duckdb user would write for the same three
-- CSV exports in plain DuckDB SQL. This file holds what dbt keeps in macros, seeds and model configs:
-- the Dutch conversions as macros and the target tables. The bench sets the variables
-- pseudonym_key, meldingen, verblijven and nachten (file globs) and fills gemeente_spelling.

CREATE MACRO nl_text(t) AS nullif(trim(t), '');

-- dd-mm-jjjj, d-m-jjjj (also with / or .) or jjjj-mm-dd
CREATE MACRO nl_date(t) AS CAST(try_strptime(t, ['%d-%m-%Y', '%Y-%m-%d', '%d/%m/%Y', '%d.%m.%Y']) AS DATE);

-- 1.031 (thousands), 48,33 and 1.234,5 (decimal comma), -23, a trailing % dropped
CREATE MACRO nl_number(t) AS TRY_CAST(
    CASE WHEN contains(t, ',') THEN replace(replace(rtrim(t, '%'), '.', ''), ',', '.')
         WHEN regexp_full_match(t, '-?[1-9][0-9]{0,2}(\.[0-9]{3})+') THEN replace(t, '.', '')
         ELSE rtrim(t, '%') END AS DECIMAL(18, 4));

CREATE MACRO nl_bool(t) AS CASE WHEN lower(t) IN ('ja', 'j', 'yes', 'y', 'true', 'waar', '1') THEN true
                                WHEN lower(t) IN ('nee', 'n', 'no', 'false', 'onwaar', '0') THEN false END;

-- GM0599, 0599 and 599 as the CBS number 599; names in lower case
CREATE MACRO nl_gemeente(t) AS CASE WHEN regexp_full_match(lower(t), '(gm)?[0-9]{1,4}')
    THEN CAST(CAST(replace(lower(t), 'gm', '') AS INTEGER) AS VARCHAR) ELSE lower(t) END;

-- "Eigen woning" -> eigen_woning
CREATE MACRO nl_code(t) AS regexp_replace(lower(t), '[\s-]+', '_', 'g');

-- the keyed pseudonym as the warehouse stores it: the first 128 bits of a keyed SHA-256, fixed-width
CREATE MACRO keyed_pseudonym(id) AS CAST('0x' || left(sha256(getvariable('pseudonym_key') || id), 32) AS UHUGEINT);

-- the seed: every spelling of a municipality (its number and its name) with its key
CREATE TABLE gemeente_spelling (spelling VARCHAR PRIMARY KEY, municipality_key INTEGER NOT NULL);

CREATE TABLE fct_melding (
    file VARCHAR, row_number BIGINT, melding_id VARCHAR, client_key UHUGEINT, meldingsdatum DATE, municipality_key INTEGER,
    vorm_geweld VARCHAR, duur_geweld_maanden DECIMAL(18, 4), in_onderzoek BOOLEAN, veilig_na_12_maanden BOOLEAN,
    huisverbod BOOLEAN, aantal_kinderen_huisverbod INTEGER, intensief_casemanagement BOOLEAN);

CREATE TABLE fct_verblijf (
    file VARCHAR, row_number BIGINT, verblijf_id VARCHAR, client_key UHUGEINT, geboortejaar INTEGER, leeftijd INTEGER,
    leeftijdsgroep VARCHAR, huishouden VARCHAR, geslacht VARCHAR, voorziening VARCHAR, voorzieningstype VARCHAR,
    aanbieder VARCHAR, municipality_key INTEGER, startdatum DATE, einddatum DATE, uitstroom_bestemming VARCHAR, co_pas BOOLEAN);

CREATE TABLE fct_nacht (file VARCHAR, row_number BIGINT, client_key UHUGEINT, datum DATE, voorziening VARCHAR);

-- one row per rejected row: its first failing rule; a client identifier is never shown
CREATE TABLE reject (file VARCHAR, row_number BIGINT, "column" VARCHAR, "value" VARCHAR, reason VARCHAR);
