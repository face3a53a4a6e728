-- Veilig Thuis indicators per municipality and year (counting rules: core.dim_indicator).
-- The load turns these rows into core.fct_indicator_value and rolls them up to the regions.
CREATE OR REPLACE VIEW core.v_indicator_veiligthuis AS
WITH per_municipality_year AS (
    SELECT m.municipality_code,
           year(f.melding_date)                                                    AS year,
           count(*)                                                                AS meldingen,
           count(*) FILTER (WHERE f.duur_geweld_maanden < 12)                      AS duur_kort,
           count(f.duur_geweld_maanden)                                            AS duur_bekend,
           count(*) FILTER (WHERE f.is_in_onderzoek AND f.is_veilig_na_12_maanden) AS stabiel_veilig,
           count(*) FILTER (WHERE f.is_in_onderzoek AND f.is_veilig_na_12_maanden IS NOT NULL) AS beoordeeld,
           count(*) FILTER (WHERE f.has_huisverbod)                                AS huisverboden,
           coalesce(sum(f.aantal_kinderen_huisverbod) FILTER (WHERE f.has_huisverbod), 0) AS kinderen,
           count(*) FILTER (WHERE f.has_intensief_casemanagement)                  AS intensief_cm
    FROM core.fct_melding f
    JOIN core.dim_municipality m ON m.municipality_key = f.municipality_key
    GROUP BY ALL
)
SELECT 'hg_duur_kort' AS indicator_code, municipality_code, year,
       CAST(duur_kort AS DECIMAL(18, 4)) AS numerator, CAST(duur_bekend AS DECIMAL(18, 4)) AS denominator
FROM per_municipality_year
UNION ALL
SELECT 'hg_stabiel_veilig', municipality_code, year, stabiel_veilig, beoordeeld FROM per_municipality_year
UNION ALL
SELECT 'vt_meldingen', municipality_code, year, meldingen, NULL FROM per_municipality_year
UNION ALL
SELECT 'huisverboden', municipality_code, year, huisverboden, NULL FROM per_municipality_year
UNION ALL
SELECT 'huisverbod_kinderen', municipality_code, year, kinderen, NULL FROM per_municipality_year
UNION ALL
SELECT 'vt_intensief_cm', municipality_code, year, intensief_cm, NULL FROM per_municipality_year;
