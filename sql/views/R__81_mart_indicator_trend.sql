-- Multi-year comparison: every value next to the previous year's value of the same indicator and area.
-- The public database runs this file too, over its suppressed mart.indicator_yearly (PublicDatabase).
CREATE OR REPLACE VIEW mart.indicator_trend AS
SELECT indicator_code,
       indicator_name,
       municipality_code,
       municipality_name,
       region_code,
       year,
       value,
       unit,
       suppressed,
       previous_value,
       CAST(value - previous_value AS DECIMAL(18, 2)) AS change_absolute,
       CASE WHEN previous_value IS NULL OR previous_value = 0 THEN NULL
            ELSE CAST(round(100 * (value - previous_value) / previous_value, 2) AS DECIMAL(18, 2)) END AS change_percent,
       target_operator,
       target_value,
       target_met
FROM (
    SELECT *,
           CASE WHEN lag(year) OVER w = year - 1 THEN lag(value) OVER w END AS previous_value
    FROM mart.indicator_yearly
    WINDOW w AS (PARTITION BY indicator_code, municipality_code, region_code ORDER BY year)
);

COMMENT ON VIEW mart.indicator_trend IS 'Each indicator value with the previous year''s value of the same indicator and area and the change: "+11% admissions 2023 vs 2022" is one query.';
COMMENT ON COLUMN mart.indicator_trend.indicator_code IS 'Indicator code, see core.dim_indicator.';
COMMENT ON COLUMN mart.indicator_trend.indicator_name IS 'Dutch name of the indicator.';
COMMENT ON COLUMN mart.indicator_trend.municipality_code IS 'CBS municipality code (GM0599); NULL on region rows.';
COMMENT ON COLUMN mart.indicator_trend.municipality_name IS 'Municipality name; NULL on region rows.';
COMMENT ON COLUMN mart.indicator_trend.region_code IS 'Region code on region rows; NULL on municipality rows.';
COMMENT ON COLUMN mart.indicator_trend.year IS 'Calendar year of the value.';
COMMENT ON COLUMN mart.indicator_trend.value IS 'The value this year (unit as in indicator_yearly).';
COMMENT ON COLUMN mart.indicator_trend.unit IS 'percent, count or months.';
COMMENT ON COLUMN mart.indicator_trend.suppressed IS 'True when this year''s cell is suppressed (see indicator_yearly.suppression).';
COMMENT ON COLUMN mart.indicator_trend.previous_value IS 'The value of the previous calendar year; NULL when that year has no value.';
COMMENT ON COLUMN mart.indicator_trend.change_absolute IS 'value - previous_value (for percentages: percentage points).';
COMMENT ON COLUMN mart.indicator_trend.change_percent IS 'Relative change in percent: 100 * (value - previous_value) / previous_value.';
COMMENT ON COLUMN mart.indicator_trend.target_operator IS 'How the target is compared (>, >=, <, <=, =, between).';
COMMENT ON COLUMN mart.indicator_trend.target_value IS 'Target of this year.';
COMMENT ON COLUMN mart.indicator_trend.target_met IS 'Whether this year''s value meets its target.';
