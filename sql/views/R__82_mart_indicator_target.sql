-- Every target that counts, also for years without a value yet ("what are we aiming at next year").
CREATE OR REPLACE VIEW mart.indicator_target AS
SELECT t.indicator_code,
       i.indicator_name,
       m.municipality_code,
       m.municipality_name,
       r.region_code,
       t.year,
       t.target_text,
       t.target_operator,
       CAST(t.target_value AS DECIMAL(18, 2))       AS target_value,
       CAST(t.target_value_upper AS DECIMAL(18, 2)) AS target_value_upper,
       i.unit,
       y.indicator_code IS NOT NULL AS has_value,
       t.source_document AS target_source,
       t.publication_date
FROM core.v_current_target t
JOIN core.dim_indicator i USING (indicator_code)
LEFT JOIN core.dim_municipality m ON m.municipality_code = t.area_code
LEFT JOIN core.dim_region r       ON r.region_code = t.area_code
LEFT JOIN core.fct_indicator_value y ON y.indicator_code = t.indicator_code AND y.area_code = t.area_code AND y.year = t.year;

COMMENT ON VIEW mart.indicator_target IS 'Every target (streefwaarde) per indicator, area and year, the most recently published one when documents differ, also for years without a value yet (has_value false). Values: mart.indicator_yearly.';
COMMENT ON COLUMN mart.indicator_target.indicator_code IS 'Indicator code, see core.dim_indicator.';
COMMENT ON COLUMN mart.indicator_target.indicator_name IS 'Dutch name of the indicator.';
COMMENT ON COLUMN mart.indicator_target.municipality_code IS 'CBS municipality code (GM0599); NULL for a region target.';
COMMENT ON COLUMN mart.indicator_target.municipality_name IS 'Municipality name; NULL for a region target.';
COMMENT ON COLUMN mart.indicator_target.region_code IS 'Region code for a region target; NULL for a municipality target.';
COMMENT ON COLUMN mart.indicator_target.year IS 'Year the target is set for.';
COMMENT ON COLUMN mart.indicator_target.target_text IS 'The target as the council wrote it (>55%, <200, **).';
COMMENT ON COLUMN mart.indicator_target.target_operator IS 'How a value is compared with the target (>, >=, <, <=, =, between); NULL when none is set (**).';
COMMENT ON COLUMN mart.indicator_target.target_value IS 'Target in the unit of the indicator; lower bound for a range.';
COMMENT ON COLUMN mart.indicator_target.target_value_upper IS 'Upper bound when the target is a range (88-90%).';
COMMENT ON COLUMN mart.indicator_target.unit IS 'percent, count or months.';
COMMENT ON COLUMN mart.indicator_target.has_value IS 'Whether indicator_yearly has a value for this indicator, area and year (value, target_met and completeness are there; small cells are suppressed there in the public database).';
COMMENT ON COLUMN mart.indicator_target.target_source IS 'Document that set the target.';
COMMENT ON COLUMN mart.indicator_target.publication_date IS 'Publication date of that document.';
