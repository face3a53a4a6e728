-- Shelter indicators per municipality of origin and year. Counting rules: core.dim_indicator
-- (migration V011); this macro is their implementation, the view below its every year.
-- core.indicator_opvang(of_years): the values of the years in the list of_years only (NULL: every year),
-- equal to those years' values of every year: a value counts the facts of its own year alone, so the
-- stays, nights and refusals of other years are left out before the joins (a night-time load recomputes
-- the years it touched, IndicatorComputation).
CREATE OR REPLACE MACRO core.indicator_opvang(of_years) AS TABLE
WITH years AS (
    SELECT range AS year
    FROM range(coalesce((SELECT min(year(start_date)) FROM core.fct_verblijf), 2000),
               coalesce((SELECT max(year(coalesce(end_date, current_date))) FROM core.fct_verblijf), 1999) + 1)
    WHERE of_years IS NULL OR list_contains(of_years, range)
),
stays AS (
    -- every stay overlapping a year of of_years (the first to the last: a superset the years filter below narrows)
    SELECT v.*, m.municipality_code,
           v.voorzieningstype IN ('nachtopvang', 'crisisopvang', '24-uursopvang', 'doorstroom') AS is_overnight
    FROM core.fct_verblijf v
    JOIN core.dim_municipality m ON m.municipality_key = v.municipality_key
    WHERE of_years IS NULL
       OR (v.start_date <= make_date(CAST(list_max(of_years) AS INTEGER), 12, 31)
           AND (v.end_date IS NULL OR v.end_date >= make_date(CAST(list_min(of_years) AS INTEGER), 1, 1)))
),
stay_year AS (
    -- a stay counts in every year it overlaps; an ongoing stay is measured up to 31-12 of the year or today
    SELECT s.*, y.year,
           datediff('day', s.start_date, coalesce(s.end_date, least(make_date(CAST(y.year AS INTEGER), 12, 31), current_date))) AS stay_days
    FROM stays s
    JOIN years y ON s.start_date <= make_date(CAST(y.year AS INTEGER), 12, 31)
                AND (s.end_date IS NULL OR s.end_date >= make_date(CAST(y.year AS INTEGER), 1, 1))
),
overnight_clients AS (
    -- one row per client, municipality and year with an overnight stay: the distinct count is done once
    SELECT municipality_code, year, client_key, bool_or(stay_days > 90) AS stayed_90plus
    FROM stay_year WHERE is_overnight
    GROUP BY ALL
),
night_shelter_nights AS (
    SELECT n.client_key, n.night_date, year(n.night_date) AS year,
           -- two overlapping stays of other municipalities (a delivery that overlaps another) give the lowest code,
           -- so that the count never depends on how DuckDB runs the join
           min(v.municipality_code) AS municipality_code
    FROM core.fct_nacht n
    -- the facility version valid on the night (versions of a facility cover every date once, see R__61)
    JOIN core.dim_facility f ON f.voorziening = n.voorziening AND n.night_date BETWEEN f.valid_from AND coalesce(f.valid_to, DATE '9999-12-31')
                            AND f.voorzieningstype = 'nachtopvang'
    JOIN stays v ON v.client_key = n.client_key AND v.voorziening = n.voorziening
                AND n.night_date BETWEEN v.start_date AND coalesce(v.end_date, n.night_date)
    WHERE of_years IS NULL OR list_contains(of_years, year(n.night_date))
    GROUP BY n.file_id, n.row_number, n.client_key, n.night_date
),
night_weeks AS (
    SELECT municipality_code, year, client_key, date_trunc('week', night_date) AS week_start, count(*) AS nights
    FROM night_shelter_nights
    GROUP BY ALL
),
frequent_weeks AS (
    SELECT *, nights >= 3
              AND lag(nights) OVER w >= 3
              AND lag(week_start) OVER w = week_start - INTERVAL 7 DAY AS is_second_frequent_week
    FROM night_weeks
    WINDOW w AS (PARTITION BY municipality_code, year, client_key ORDER BY week_start)
),
night_users AS (
    SELECT municipality_code, year, client_key, bool_or(coalesce(is_second_frequent_week, false)) AS is_frequent
    FROM frequent_weeks
    GROUP BY ALL
),
indicator_values AS (
SELECT 'mo_unieke_personen' AS indicator_code, municipality_code, year,
       CAST(count(*) AS DECIMAL(18, 4)) AS numerator, CAST(NULL AS DECIMAL(18, 4)) AS denominator
FROM overnight_clients GROUP BY ALL
UNION ALL
SELECT 'mo_unieke_personen_' || replace(voorzieningstype, '-', ''), municipality_code, year, count(DISTINCT client_key), NULL
FROM stay_year WHERE voorzieningstype IN ('nachtopvang', 'crisisopvang', 'dagopvang', '24-uursopvang', 'doorstroom')
GROUP BY voorzieningstype, municipality_code, year
UNION ALL
SELECT 'bw_unieke_personen', municipality_code, year, count(DISTINCT client_key), NULL
FROM stay_year WHERE voorzieningstype = 'beschermd_wonen' GROUP BY ALL
UNION ALL
SELECT 'bw_voorzieningen', municipality_code, year, count(*), NULL
FROM stay_year WHERE voorzieningstype = 'beschermd_wonen' GROUP BY ALL
UNION ALL
SELECT 'mo_toelatingen_23plus', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE is_overnight AND has_co_pas AND age_at_start >= 23 GROUP BY ALL
UNION ALL
SELECT 'bw_toelatingen', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'beschermd_wonen' AND age_at_start >= 18 GROUP BY ALL
UNION ALL
SELECT 'bw_toelatingen_18_23', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'beschermd_wonen' AND age_at_start >= 18 AND age_at_start < 23 GROUP BY ALL
UNION ALL
SELECT 'bw_toelatingen_23plus', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'beschermd_wonen' AND age_at_start >= 23 GROUP BY ALL
UNION ALL
SELECT 'mo_verblijf_90plus', municipality_code, year, count(*) FILTER (WHERE stayed_90plus), count(*)
FROM overnight_clients GROUP BY ALL
UNION ALL
SELECT 'mo_rehab_na_crisis', municipality_code, year(end_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'crisisopvang' AND end_date IS NOT NULL AND uitstroom_bestemming = 'zelfstandig_wonen'
GROUP BY ALL
UNION ALL
SELECT 'vo_vrouwen', municipality_code, year, count(DISTINCT client_key), NULL
FROM stay_year WHERE voorzieningstype = 'vrouwenopvang' AND geslacht = 'v' AND age_at_start >= 18 GROUP BY ALL
UNION ALL
SELECT 'vo_kinderen', municipality_code, year, count(DISTINCT client_key), NULL
FROM stay_year WHERE voorzieningstype = 'vrouwenopvang' AND age_at_start < 18 GROUP BY ALL
UNION ALL
SELECT 'vo_duur', municipality_code, year(end_date),
       -- months: the exact sum of days divided once (a sum of quotients would depend on the order of adding)
       CAST(sum(datediff('day', start_date, end_date)) AS DECIMAL(18, 4)) / 30.4375, count(*)
FROM stays WHERE voorzieningstype = 'vrouwenopvang' AND geslacht = 'v' AND age_at_start >= 18 AND end_date IS NOT NULL
GROUP BY ALL
UNION ALL
SELECT 'wonen_eerst', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'housing_first' GROUP BY ALL
UNION ALL
SELECT CASE WHEN age_at_start >= 23 THEN 'wonen_eerst_housing_first' ELSE 'wonen_eerst_project010' END,
       municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE voorzieningstype = 'housing_first' AND age_at_start >= 18 GROUP BY ALL
UNION ALL
SELECT 'mo_toelatingen', municipality_code, year(start_date), count(DISTINCT client_key), NULL
FROM stays WHERE is_overnight AND has_co_pas GROUP BY ALL
UNION ALL
-- outflow: the total and one indicator per destination (GROUPING SETS: destination NULL = the total)
SELECT CASE WHEN is_overnight THEN 'mo' ELSE 'bw' END || '_uitstroom' || coalesce('_' || destination, ''),
       municipality_code, year(end_date), count(DISTINCT client_key), NULL
FROM (SELECT *, CASE WHEN uitstroom_bestemming IN ('zelfstandig_wonen', 'beschermd_wonen', 'andere_opvang')
                     THEN uitstroom_bestemming ELSE 'overig' END AS destination
      FROM stays WHERE end_date IS NOT NULL AND (is_overnight OR voorzieningstype = 'beschermd_wonen'))
GROUP BY GROUPING SETS ((is_overnight, municipality_code, year(end_date), destination), (is_overnight, municipality_code, year(end_date)))
UNION ALL
SELECT 'mo_nacht_frequent', municipality_code, year, count(*) FILTER (WHERE is_frequent), count(*)
FROM night_users GROUP BY ALL
UNION ALL
SELECT 'vo_afgewezen', m.municipality_code, year(a.refusal_date), count(*), NULL
FROM core.fct_afwijzing a
JOIN core.dim_facility f ON f.facility_key = a.facility_key AND f.voorzieningstype = 'vrouwenopvang'
JOIN core.dim_municipality m ON m.municipality_key = a.municipality_key
WHERE a.reden = 'max_bezetting'
GROUP BY ALL
)
SELECT * FROM indicator_values WHERE of_years IS NULL OR list_contains(of_years, year);

CREATE OR REPLACE VIEW core.v_indicator_opvang AS SELECT * FROM core.indicator_opvang(NULL);
