-- Type-2 history of the shelter facilities, derived from the stays as delivered: per voorziening,
-- a new version starts at the first stay whose type or provider differs from the previous stay's.
-- The first version is valid from 1900-01-01 so that nights and refusals before the first stay
-- still find their facility. The load copies this view into core.dim_facility.
CREATE OR REPLACE VIEW core.v_facility_history AS
WITH delivered AS (
    -- identical stays in a row never start a version, so each (start, type, provider) is looked at once
    SELECT DISTINCT voorziening, voorzieningstype, coalesce(aanbieder, 'onbekend') AS aanbieder, start_date
    FROM core.fct_verblijf
),
changes AS (
    SELECT *,
           CASE WHEN lag(voorzieningstype) OVER w IS NULL THEN 1
                WHEN lag(voorzieningstype) OVER w <> voorzieningstype OR lag(aanbieder) OVER w <> aanbieder THEN 1
                ELSE 0 END AS is_new_version
    FROM delivered
    WINDOW w AS (PARTITION BY voorziening ORDER BY start_date, voorzieningstype, aanbieder)
),
numbered AS (
    SELECT *, sum(is_new_version) OVER (PARTITION BY voorziening ORDER BY start_date, voorzieningstype, aanbieder
                                         ROWS UNBOUNDED PRECEDING) AS version
    FROM changes
),
versions AS (
    SELECT voorziening, version, any_value(voorzieningstype) AS voorzieningstype, any_value(aanbieder) AS aanbieder,
           min(start_date) AS first_start
    FROM numbered
    GROUP BY voorziening, version
)
SELECT CAST(row_number() OVER (ORDER BY voorziening, version) AS INTEGER) AS facility_key,
       voorziening,
       voorzieningstype,
       aanbieder,
       CASE WHEN version = 1 THEN DATE '1900-01-01' ELSE first_start END AS valid_from,
       CAST(lead(first_start) OVER (PARTITION BY voorziening ORDER BY version) - INTERVAL 1 DAY AS DATE) AS valid_to,
       lead(first_start) OVER (PARTITION BY voorziening ORDER BY version) IS NULL AS is_current
FROM versions;
