-- The reference marts analysts join the figures with, and the publication the figures belong to.
CREATE OR REPLACE VIEW mart.indicator_catalog AS
SELECT indicator_code, indicator_name, domain, definition, counting_rule, unit, direction, source_document
FROM core.dim_indicator;

CREATE OR REPLACE VIEW mart.municipality AS
SELECT municipality_code, municipality_name, vt_region_code, mo_bw_region_code, vo_region_code
FROM core.dim_municipality;

CREATE OR REPLACE VIEW mart.region AS
SELECT region_code, region_type, region_name, centrumgemeente_code
FROM core.dim_region;

-- In the public database a table written at its build, with the suppression settings it was built with.
CREATE OR REPLACE VIEW mart.publication AS
SELECT max(run_id)                           AS run_id,
       arg_max(finished_at, run_id)          AS published_at,
       CAST(NULL AS INTEGER)                 AS suppression_min_count,
       CAST(NULL AS INTEGER)                 AS suppression_round_to
FROM audit.load_run;

COMMENT ON VIEW mart.indicator_catalog IS 'Indicator catalog: code, Dutch name, definition, counting rule, unit and direction.';
COMMENT ON COLUMN mart.indicator_catalog.indicator_code IS 'Indicator code as used in indicator_yearly.';
COMMENT ON COLUMN mart.indicator_catalog.indicator_name IS 'Dutch name of the indicator as councils use it.';
COMMENT ON COLUMN mart.indicator_catalog.domain IS 'veiligthuis, opvang, beschermd_wonen or vrouwenopvang.';
COMMENT ON COLUMN mart.indicator_catalog.definition IS 'What the indicator measures.';
COMMENT ON COLUMN mart.indicator_catalog.counting_rule IS 'How it is counted: what counts in a year, how persons with several records count.';
COMMENT ON COLUMN mart.indicator_catalog.unit IS 'percent, count or months.';
COMMENT ON COLUMN mart.indicator_catalog.direction IS 'higher_is_better or lower_is_better: how a bare target is read.';
COMMENT ON COLUMN mart.indicator_catalog.source_document IS 'Council document the definition and targets come from.';

COMMENT ON VIEW mart.municipality IS 'Municipalities with CBS code and their regions.';
COMMENT ON COLUMN mart.municipality.municipality_code IS 'CBS municipality code, GM + four digits.';
COMMENT ON COLUMN mart.municipality.municipality_name IS 'Municipality name.';
COMMENT ON COLUMN mart.municipality.vt_region_code IS 'Veilig Thuis region.';
COMMENT ON COLUMN mart.municipality.mo_bw_region_code IS 'Centrumgemeente region for maatschappelijke opvang and beschermd wonen.';
COMMENT ON COLUMN mart.municipality.vo_region_code IS 'Centrumgemeente region for vrouwenopvang.';

COMMENT ON VIEW mart.region IS 'Veilig Thuis regions and centrumgemeente regions.';
COMMENT ON COLUMN mart.region.region_code IS 'Region code (VT-…, MOBW-GM…, VO-GM…).';
COMMENT ON COLUMN mart.region.region_type IS 'veilig_thuis, mo_bw or vrouwenopvang.';
COMMENT ON COLUMN mart.region.region_name IS 'Region name.';
COMMENT ON COLUMN mart.region.centrumgemeente_code IS 'CBS code of the centrumgemeente of the region.';

COMMENT ON VIEW mart.publication IS 'The load run these figures come from (run_id, as in the warehouse''s history) and when it finished.';
COMMENT ON COLUMN mart.publication.run_id IS 'The load run of the warehouse these figures come from (see history).';
COMMENT ON COLUMN mart.publication.published_at IS 'When that load run finished.';
COMMENT ON COLUMN mart.publication.suppression_min_count IS 'Public database: the smallest count shown (opvangmonitor.suppression.min-count); NULL in the data team''s warehouse, which suppresses nothing.';
COMMENT ON COLUMN mart.publication.suppression_round_to IS 'Public database: counts are rounded to this multiple (opvangmonitor.suppression.round-to; 0 = not rounded); NULL in the data team''s warehouse.';
