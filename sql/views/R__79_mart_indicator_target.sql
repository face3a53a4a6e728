-- The target (streefwaarde) that counts per indicator, area and year, also for years without a
-- value yet (a Begroting sets targets for the years ahead): the report shows them as Streefwaarde.
-- When several documents set a target for the same indicator, area and year, the most recently
-- published one counts (a Jaarstukken update overrides the older Begroting).
CREATE OR REPLACE VIEW mart.indicator_target AS
SELECT indicator_code, area_code, year, target_text, target_operator, target_value, target_value_upper,
       source_document, publication_date
FROM core.fct_target
QUALIFY row_number() OVER (PARTITION BY indicator_code, area_code, year
                           ORDER BY publication_date DESC NULLS LAST, file_id DESC, row_number DESC) = 1;

COMMENT ON VIEW mart.indicator_target IS 'The target that counts per indicator, area and year (the most recently published document wins), also for years that have no value yet.';
COMMENT ON COLUMN mart.indicator_target.indicator_code IS 'Indicator code, see indicator_catalog.';
COMMENT ON COLUMN mart.indicator_target.area_code IS 'CBS municipality code (GM0599) or region code (MOBW-GM0014).';
COMMENT ON COLUMN mart.indicator_target.year IS 'Year the target is set for.';
COMMENT ON COLUMN mart.indicator_target.target_text IS 'The target as the council wrote it (>55%, <200, 88-90%, **).';
COMMENT ON COLUMN mart.indicator_target.target_operator IS '>, >=, <, <=, = or between; NULL for ** (no target set).';
COMMENT ON COLUMN mart.indicator_target.target_value IS 'Target in the unit of the indicator; lower bound for a range.';
COMMENT ON COLUMN mart.indicator_target.target_value_upper IS 'Upper bound when the target is a range (88-90%).';
COMMENT ON COLUMN mart.indicator_target.source_document IS 'Council document that set the target.';
COMMENT ON COLUMN mart.indicator_target.publication_date IS 'Publication date of that document.';
