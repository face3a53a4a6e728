-- The analyst contract: one row per indicator, area and year, with its target.
CREATE OR REPLACE VIEW mart.indicator_yearly AS
WITH valued AS (
    SELECT v.*,
           i.indicator_name,
           i.unit,
           CASE
               WHEN i.unit = 'count' THEN CAST(v.numerator AS DECIMAL(18, 2))
               WHEN v.denominator IS NULL OR v.denominator = 0 THEN NULL
               WHEN i.unit = 'percent' THEN CAST(round(100 * v.numerator / v.denominator, 2) AS DECIMAL(18, 2))
               ELSE CAST(round(v.numerator / v.denominator, 1) AS DECIMAL(18, 2))
           END AS value
    FROM core.fct_indicator_value v
    JOIN core.dim_indicator i USING (indicator_code)
)
SELECT v.indicator_code,
       v.indicator_name,
       m.municipality_code,
       m.municipality_name,
       r.region_code,
       v.year,
       v.value,
       CAST(v.numerator AS DECIMAL(18, 2))   AS numerator,
       CAST(v.denominator AS DECIMAL(18, 2)) AS denominator,
       v.unit,
       t.target_operator,
       CAST(t.target_value AS DECIMAL(18, 2)) AS target_value,
       CASE t.target_operator
           WHEN '>'       THEN v.value >  t.target_value
           WHEN '>='      THEN v.value >= t.target_value
           WHEN '<'       THEN v.value <  t.target_value
           WHEN '<='      THEN v.value <= t.target_value
           WHEN '='       THEN v.value =  t.target_value
           WHEN 'between' THEN v.value BETWEEN t.target_value AND t.target_value_upper
       END AS target_met,
       CAST(t.target_value_upper AS DECIMAL(18, 2)) AS target_value_upper,
       t.target_text,
       t.source_document AS target_source,
       c.is_complete,
       c.completeness_note,
       c.municipalities_reporting,
       c.municipalities_in_region,
       false                    AS suppressed,
       CAST(NULL AS VARCHAR)    AS suppression
FROM valued v
LEFT JOIN core.dim_municipality m ON v.area_type = 'municipality' AND m.municipality_code = v.area_code
LEFT JOIN core.dim_region r       ON v.area_type = 'region'       AND r.region_code = v.area_code
LEFT JOIN core.v_current_target t ON t.indicator_code = v.indicator_code AND t.area_code = v.area_code AND t.year = v.year
LEFT JOIN core.v_indicator_completeness c
       ON c.indicator_code = v.indicator_code AND c.area_type = v.area_type AND c.area_code = v.area_code AND c.year = v.year;

COMMENT ON VIEW mart.indicator_yearly IS 'Indicators per municipality or region and year, with numerator, denominator and target. Region rows have region_code set and NULL municipality columns.';
COMMENT ON COLUMN mart.indicator_yearly.indicator_code IS 'Indicator code, see core.dim_indicator for definition and counting rule.';
COMMENT ON COLUMN mart.indicator_yearly.indicator_name IS 'Dutch name of the indicator as councils use it.';
COMMENT ON COLUMN mart.indicator_yearly.municipality_code IS 'CBS municipality code, GM + four digits (GM0599); NULL on region rows.';
COMMENT ON COLUMN mart.indicator_yearly.municipality_name IS 'Municipality name; NULL on region rows.';
COMMENT ON COLUMN mart.indicator_yearly.region_code IS 'Region code on region rows (VT-…, MOBW-GM…, VO-GM…); NULL on municipality rows.';
COMMENT ON COLUMN mart.indicator_yearly.year IS 'Calendar year the value is about.';
COMMENT ON COLUMN mart.indicator_yearly.value IS 'The figure: percent (64.00 = 64%), count, or mean months, per unit.';
COMMENT ON COLUMN mart.indicator_yearly.numerator IS 'Numerator (the count for count indicators).';
COMMENT ON COLUMN mart.indicator_yearly.denominator IS 'Denominator for percentages and means; NULL for counts.';
COMMENT ON COLUMN mart.indicator_yearly.unit IS 'percent, count or months.';
COMMENT ON COLUMN mart.indicator_yearly.target_operator IS 'How the target is compared: >, >=, <, <=, =, between; NULL when no target is set.';
COMMENT ON COLUMN mart.indicator_yearly.target_value IS 'Target (streefwaarde) in the unit of the value; lower bound for a range.';
COMMENT ON COLUMN mart.indicator_yearly.target_met IS 'Whether the value meets its target; NULL when there is no target or no value.';
COMMENT ON COLUMN mart.indicator_yearly.target_value_upper IS 'Upper bound when the target is a range (88-90%).';
COMMENT ON COLUMN mart.indicator_yearly.target_text IS 'The target as the council wrote it (>55%, <200, **).';
COMMENT ON COLUMN mart.indicator_yearly.target_source IS 'Document that set the target.';
COMMENT ON COLUMN mart.indicator_yearly.is_complete IS 'True when the deliveries of the indicator''s source cover the whole year for this municipality (a region: for every municipality of the region in that year); false = voorlopig (provisional), the value may still change; NULL for a value kept after retention. See completeness_note.';
COMMENT ON COLUMN mart.indicator_yearly.completeness_note IS 'Why a value is voorlopig: which months the deliveries cover, or how many municipalities of the region delivered; NULL when complete.';
COMMENT ON COLUMN mart.indicator_yearly.municipalities_reporting IS 'On region rows: municipalities of the region with a delivery of the indicator''s source covering (part of) the year; NULL on municipality rows.';
COMMENT ON COLUMN mart.indicator_yearly.municipalities_in_region IS 'On region rows: municipalities that belonged to the region in that year; NULL on municipality rows.';
COMMENT ON COLUMN mart.indicator_yearly.suppressed IS 'True when the cell is suppressed to protect persons: value, numerator, denominator and target_met are then NULL. Always false in the data team''s warehouse; set in the public database.';
COMMENT ON COLUMN mart.indicator_yearly.suppression IS 'Why the cell is suppressed: primary (fewer persons or cases than the minimum, mart.publication.suppression_min_count, or a percentage whose numerator or complement is) or secondary (else recoverable by subtraction from a total: its region, or the indicator it is a part of); NULL when shown.';
