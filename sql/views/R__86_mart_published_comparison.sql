-- Every published figure (core.fct_published) next to what the warehouse computes, at the precision
-- the document prints: 64% is compared with the computed value rounded to a whole percent, 9,4 with
-- one decimal. outcome: equal (exactly), equal after rounding, different, not computed.
CREATE OR REPLACE VIEW mart.published_comparison AS
WITH exact AS (
    -- indicator values unrounded, so that rounding happens once, at the published precision
    SELECT v.indicator_code, v.area_code, v.year, i.unit, CAST(v.denominator AS DOUBLE) AS denominator,
           CASE WHEN i.unit = 'count' THEN CAST(v.numerator AS DOUBLE)
                WHEN v.denominator IS NULL OR v.denominator = 0 THEN NULL
                WHEN i.unit = 'percent' THEN 100 * CAST(v.numerator AS DOUBLE) / CAST(v.denominator AS DOUBLE)
                ELSE CAST(v.numerator AS DOUBLE) / CAST(v.denominator AS DOUBLE)
           END AS value
    FROM core.fct_indicator_value v
    JOIN core.dim_indicator i USING (indicator_code)
),
budget_amount AS (
    -- detail lines and reported totals; a line is named by its own label (the last part of its path)
    SELECT municipality_code, lower(coalesce(task_field_code, '')) AS task_field, lower(coalesce(programme, '')) AS programme,
           version, year, lower(category_path) AS path, lower(regexp_extract(category_path, '([^>]+)$', 1).trim()) AS label,
           amount
    FROM mart.budget_line WHERE source = 'council'
    UNION ALL
    SELECT municipality_code, lower(coalesce(task_field_code, '')), lower(coalesce(programme, '')),
           version, year, lower(category_path), lower(regexp_extract(category_path, '([^>]+)$', 1).trim()), reported_amount
    FROM mart.budget_reported_total WHERE source = 'council'
    UNION ALL
    -- variances: a line's realisatie against its latest begroting, as mart.budget_variance computes it
    SELECT municipality_code, lower(coalesce(task_field_code, '')), lower(coalesce(programme, '')),
           'afwijking', year, lower(category_path), lower(regexp_extract(category_path, '([^>]+)$', 1).trim()), variance
    FROM mart.budget_variance WHERE source = 'council'
),
budget AS (
    SELECT p.file_id, p.row_number, CAST(sum(b.amount) AS DOUBLE) AS value, count(b.amount) AS lines
    FROM core.fct_published p
    JOIN budget_amount b
      ON p.figure_kind = 'budget' AND b.municipality_code = p.area_code AND b.year = p.year AND b.version = p.budget_version
     AND lower(p.budget_scope) IN (b.task_field, b.programme)
     -- the line itself, or every line of the taakveld or programme when the label names it
     AND (lower(p.budget_line) IN (b.label, b.path) OR (lower(p.budget_line) = lower(p.budget_scope) AND p.budget_version = 'afwijking'))
    GROUP BY ALL
),
target AS (
    -- a published target is compared with the target loaded from the same document, else with the one that counts
    SELECT p.file_id, p.row_number, t.target_text, t.target_operator, t.target_value, t.target_value_upper
    FROM core.fct_published p
    JOIN core.fct_target t ON p.figure_kind = 'target' AND t.indicator_code = p.indicator_code
                          AND t.area_code = p.area_code AND t.year = p.year
    QUALIFY row_number() OVER (PARTITION BY p.file_id, p.row_number
                               ORDER BY t.source_document = p.source_document DESC, t.publication_date DESC NULLS LAST,
                                        t.file_id DESC, t.row_number DESC) = 1
),
computed AS (
    SELECT p.*,
           CASE p.figure_kind
               WHEN 'value'  THEN e.value
               WHEN 'denominator' THEN e.denominator
               WHEN 'change' THEN CASE WHEN prev.value <> 0 THEN 100 * (e.value - prev.value) / prev.value END
               WHEN 'budget' THEN b.value
               WHEN 'target' THEN CAST(t.target_value AS DOUBLE)
           END AS computed_value,
           e.unit, t.target_text AS computed_target_text, t.target_operator AS computed_operator,
           t.target_value_upper AS computed_upper, t.target_text IS NOT NULL AS has_target,
           i.indicator_code IS NOT NULL AS in_catalog, b.lines, prev.value IS NOT NULL AS has_previous
    FROM core.fct_published p
    LEFT JOIN core.dim_indicator i    ON i.indicator_code = p.indicator_code
    LEFT JOIN exact e                 ON e.indicator_code = p.indicator_code AND e.area_code = p.area_code AND e.year = p.year
    LEFT JOIN exact prev              ON p.figure_kind = 'change' AND prev.indicator_code = p.indicator_code
                                     AND prev.area_code = p.area_code AND prev.year = p.year - 1
    LEFT JOIN target t                ON t.file_id = p.file_id AND t.row_number = p.row_number
    LEFT JOIN budget b                ON b.file_id = p.file_id AND b.row_number = p.row_number
),
compared AS (
    SELECT *,
           CASE WHEN figure_kind = 'target' THEN NULL
                ELSE round(computed_value, published_decimals) END AS computed_rounded,
           CASE
               WHEN figure_kind = 'target' AND NOT has_target THEN 'not computed'
               WHEN figure_kind = 'target' THEN
                   CASE WHEN target_operator IS NOT DISTINCT FROM computed_operator
                         AND target_value IS NOT DISTINCT FROM CAST(computed_value AS DECIMAL(18, 4))
                         AND target_value_upper IS NOT DISTINCT FROM computed_upper
                        THEN 'equal' ELSE 'different' END
               WHEN computed_value IS NULL THEN 'not computed'
               WHEN CAST(computed_value AS DECIMAL(18, 4)) = published_value THEN 'equal'
               WHEN round(computed_value, published_decimals) = published_value THEN 'equal after rounding'
               ELSE 'different'
           END AS outcome
    FROM computed
)
SELECT c.indicator_text AS indicator,
       c.figure_kind,
       c.indicator_code,
       c.budget_scope,
       c.budget_version,
       c.budget_line,
       m.municipality_code,
       m.municipality_name,
       r.region_code,
       c.year,
       c.published_text,
       CAST(c.published_value AS DECIMAL(18, 4)) AS published_value,
       c.published_decimals AS published_precision,
       CAST(c.computed_value AS DECIMAL(18, 4)) AS computed_value,
       CASE WHEN c.figure_kind = 'target' THEN c.computed_target_text
            ELSE CAST(CAST(c.computed_rounded AS DECIMAL(18, 4)) AS VARCHAR) END AS computed_text,
       c.outcome,
       CASE WHEN c.figure_kind <> 'target' THEN CAST(c.computed_value - c.published_value AS DECIMAL(18, 4)) END AS difference,
       CASE c.outcome
           WHEN 'not computed' THEN CASE
               WHEN c.figure_kind = 'budget' THEN 'no ' || c.budget_version || ' amount of a line labelled "' || c.budget_line
                                                  || '" for ' || c.budget_scope || ' in ' || c.year
               WHEN NOT c.in_catalog THEN 'indicator ' || c.indicator_code || ' is not in the indicator catalog'
               WHEN c.figure_kind = 'target' THEN 'no target loaded for this indicator, area and year (streefwaarden)'
               WHEN c.figure_kind = 'change' AND NOT c.has_previous THEN 'no value for the previous year'
               ELSE 'no value computed for this area and year'
           END
           WHEN 'different' THEN CASE WHEN c.figure_kind = 'target'
               THEN 'the target loaded is ' || coalesce(c.computed_target_text, '(none)')
               ELSE 'computed ' || CAST(CAST(c.computed_rounded AS DECIMAL(18, 4)) AS VARCHAR) || ' at the published precision' END
       END AS reason,
       c.toelichting                          AS note,
       c.source_document,
       c.page,
       c.publication_date,
       f.file_path,
       c.row_number,
       c.toelichting                          -- DEPRECATED: note
FROM compared c
JOIN audit.load_file f            ON f.file_id = c.file_id
LEFT JOIN core.dim_municipality m ON m.municipality_code = c.area_code
LEFT JOIN core.dim_region r       ON r.region_code = c.area_code;

COMMENT ON VIEW mart.published_comparison IS 'Every figure the council published (input gepubliceerd) next to what the warehouse computes, compared at the precision the document prints.';
COMMENT ON COLUMN mart.published_comparison.indicator IS 'The indicator column as written: an indicator code, or a budget line <taakveld or programme> | <version> | <line label>.';
COMMENT ON COLUMN mart.published_comparison.figure_kind IS 'value (an indicator value), denominator (of a percentage or mean), target (a streefwaarde), change (percent against the previous year) or budget (an amount or variance of a budget line).';
COMMENT ON COLUMN mart.published_comparison.indicator_code IS 'Indicator code; NULL for budget lines.';
COMMENT ON COLUMN mart.published_comparison.budget_scope IS 'Budget lines: taakveld code or programme.';
COMMENT ON COLUMN mart.published_comparison.budget_version IS 'Budget lines: realisatie, begroting, bijgestelde_begroting, raming, or afwijking (variance: realisatie against the latest begroting).';
COMMENT ON COLUMN mart.published_comparison.budget_line IS 'Budget lines: the label of the line (its own label, not the path); the scope itself for a whole programme''s variance.';
COMMENT ON COLUMN mart.published_comparison.municipality_code IS 'CBS municipality code; NULL for a region figure.';
COMMENT ON COLUMN mart.published_comparison.municipality_name IS 'Municipality name.';
COMMENT ON COLUMN mart.published_comparison.region_code IS 'Region code for a region figure.';
COMMENT ON COLUMN mart.published_comparison.year IS 'Year the figure is about.';
COMMENT ON COLUMN mart.published_comparison.published_text IS 'The figure as the document prints it (64%, 2.097, 9,4, -133.727, >55%).';
COMMENT ON COLUMN mart.published_comparison.published_value IS 'The printed figure as a number (percent as 64, thousands of euros for budgets).';
COMMENT ON COLUMN mart.published_comparison.published_precision IS 'Decimals the notation shows: the computed value is rounded to this before comparing (64% -> 0, 9,4 -> 1).';
COMMENT ON COLUMN mart.published_comparison.computed_value IS 'What the warehouse computes, unrounded (4 decimals); for a target the target value loaded.';
COMMENT ON COLUMN mart.published_comparison.computed_text IS 'The computed value at the published precision, or the loaded target as written.';
COMMENT ON COLUMN mart.published_comparison.outcome IS 'equal (exactly), equal after rounding (equal at the published precision), different, or not computed.';
COMMENT ON COLUMN mart.published_comparison.difference IS 'computed_value - published_value (unrounded); NULL for targets and figures not computed.';
COMMENT ON COLUMN mart.published_comparison.reason IS 'Why a figure is different or not computed, in the warehouse''s words.';
COMMENT ON COLUMN mart.published_comparison.note IS 'The explanation given in the gepubliceerd file (why the sample cannot give a figure, or why it differs).';
COMMENT ON COLUMN mart.published_comparison.source_document IS 'The document that published the figure.';
COMMENT ON COLUMN mart.published_comparison.page IS 'Page or section in that document.';
COMMENT ON COLUMN mart.published_comparison.publication_date IS 'Publication date of the document.';
COMMENT ON COLUMN mart.published_comparison.file_path IS 'The gepubliceerd file the figure was read from.';
COMMENT ON COLUMN mart.published_comparison.row_number IS 'Row of that file (line or Excel row).';
COMMENT ON COLUMN mart.published_comparison.toelichting IS 'DEPRECATED: use note (the same text); removed in the next release.';
