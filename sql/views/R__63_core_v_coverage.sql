-- Which months each source's deliveries cover, per municipality: the basis of is_complete in
-- mart.indicator_yearly. A delivery covers every calendar month from the month of its first date
-- to the month of its last date (taken over all its rows, so that a small municipality with a few
-- rows is not judged by the dates of those few), for every municipality it has rows for.
-- Dates: meldingsdatum; refusal date; for stays the first end date up to the last start or end date
-- (an export of the stays of a period also lists stays that began years before it, so early start
-- dates do not show the period's start). Superseded deliveries have no rows left and cover nothing.
CREATE OR REPLACE VIEW core.v_delivery_span AS
WITH per_municipality AS (
    SELECT 'veiligthuis' AS source, file_id, municipality_key, min(melding_date) AS first_date, max(melding_date) AS last_date
    FROM core.fct_melding GROUP BY ALL
    UNION ALL
    SELECT 'opvang/verblijven', file_id, municipality_key, coalesce(min(end_date), min(start_date)),
           max(greatest(start_date, coalesce(end_date, start_date)))
    FROM core.fct_verblijf GROUP BY ALL
    UNION ALL
    SELECT 'opvang/afwijzingen', file_id, municipality_key, min(refusal_date), max(refusal_date)
    FROM core.fct_afwijzing WHERE municipality_key IS NOT NULL GROUP BY ALL
)
SELECT p.source, p.file_id, m.municipality_code,
       min(p.first_date) OVER (PARTITION BY p.source, p.file_id) AS first_date,
       max(p.last_date) OVER (PARTITION BY p.source, p.file_id) AS last_date
FROM per_municipality p
JOIN core.dim_municipality m USING (municipality_key);

-- One row per source, municipality and year that some delivery covers, with the months covered.
CREATE OR REPLACE VIEW core.v_coverage AS
WITH months AS (
    SELECT DISTINCT source, municipality_code,
           CAST(unnest(generate_series(CAST(date_trunc('month', first_date) AS TIMESTAMP),
                                       CAST(date_trunc('month', last_date) AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE) AS month
    FROM core.v_delivery_span
)
SELECT source, municipality_code, year(month) AS year, count(*) AS months_covered,
       min(month) AS first_month, max(month) AS last_month, count(*) = 12 AS is_complete
FROM months
GROUP BY ALL;

-- Members of each region per year (municipalities that merged only in the years they existed).
CREATE OR REPLACE VIEW core.v_region_member AS
SELECT r.region_code, m.municipality_code, p.first_year, p.last_year
FROM core.dim_municipality m
LEFT JOIN core.municipality_period p USING (municipality_code)
JOIN core.dim_region r ON r.region_code IN (m.vt_region_code, m.mo_bw_region_code, m.vo_region_code);

-- Every indicator value with its completeness: a municipality value is complete when the deliveries
-- of its source cover all twelve months of the year for that municipality; a region value when every
-- municipality of the region in that year is; NULL (unknown) for a value kept after retention.
CREATE OR REPLACE VIEW core.v_indicator_completeness AS
WITH member_year AS (
    SELECT v.indicator_code, v.area_code, v.year, i.coverage_source, mem.municipality_code,
           c.months_covered, coalesce(c.is_complete, false) AS is_complete
    FROM core.fct_indicator_value v
    JOIN core.dim_indicator i USING (indicator_code)
    JOIN core.v_region_member mem ON mem.region_code = v.area_code
                                 AND v.year BETWEEN coalesce(mem.first_year, v.year) AND coalesce(mem.last_year, v.year)
    LEFT JOIN core.v_coverage c ON c.source = i.coverage_source AND c.municipality_code = mem.municipality_code AND c.year = v.year
    WHERE v.area_type = 'region'
),
region AS (
    SELECT indicator_code, 'region' AS area_type, area_code, year,
           bool_and(is_complete) AS is_complete,
           CAST(count(months_covered) AS INTEGER) AS municipalities_reporting,
           CAST(count(*) AS INTEGER) AS municipalities_in_region,
           'voorlopig: ' || count(months_covered) || ' of ' || count(*) || ' municipalities of the region delivered '
               || any_value(coverage_source) || ' for ' || year
               || CASE WHEN count(months_covered) FILTER (WHERE NOT is_complete) > 0
                       THEN ', ' || count(months_covered) FILTER (WHERE NOT is_complete) || ' of them for part of the year' ELSE '' END
               AS note
    FROM member_year
    GROUP BY indicator_code, area_code, year
),
municipality AS (
    SELECT v.indicator_code, v.area_type, v.area_code, v.year,
           coalesce(c.is_complete, false) AS is_complete,
           CAST(NULL AS INTEGER) AS municipalities_reporting, CAST(NULL AS INTEGER) AS municipalities_in_region,
           CASE WHEN c.months_covered IS NULL
                THEN 'voorlopig: no delivery of ' || i.coverage_source || ' covers ' || v.year
                     || ' (the value comes from rows of deliveries of other periods)'
                ELSE 'voorlopig: the deliveries of ' || i.coverage_source || ' cover ' || c.months_covered || ' of 12 months of '
                     || v.year || ' (' || strftime(c.first_month, '%B') || ' to ' || strftime(c.last_month, '%B') || ')'
           END AS note
    FROM core.fct_indicator_value v
    JOIN core.dim_indicator i USING (indicator_code)
    LEFT JOIN core.v_coverage c ON c.source = i.coverage_source AND c.municipality_code = v.area_code AND c.year = v.year
    WHERE v.area_type = 'municipality'
)
-- a value kept after retention has lost the deliveries it was counted from: its completeness is unknown
SELECT c.indicator_code, c.area_type, c.area_code, c.year,
       CASE WHEN r.indicator_code IS NULL THEN c.is_complete END AS is_complete,
       c.municipalities_reporting, c.municipalities_in_region,
       CASE WHEN r.indicator_code IS NOT NULL
            THEN 'kept after retention (core.fct_indicator_value_retained): the deliveries it was counted from are deleted, so whether it was complete is no longer known'
            WHEN NOT c.is_complete THEN c.note END AS completeness_note
FROM (SELECT * FROM region UNION ALL SELECT * FROM municipality) c
LEFT JOIN core.fct_indicator_value_retained r
       ON r.indicator_code = c.indicator_code AND r.area_type = c.area_type AND r.area_code = c.area_code AND r.year = c.year;
