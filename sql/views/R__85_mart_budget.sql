-- The analyst contract for finance: budget lines, summaries, variances and reported totals.
-- Amounts are in thousands of euros (x € 1.000, said in every amount column's comment). source tells CBS Iv3 taakveld totals
-- ('cbs_iv3') from the councils' own tables ('council'); never add the two up.

-- Every detail line that counts (reported totals and saldo lines are in mart.budget_reported_total).
CREATE OR REPLACE VIEW mart.budget_line AS
SELECT m.municipality_code,
       m.municipality_name,
       d.programme,
       d.task_field_code,
       tf.task_field_name,
       d.category_path,
       d.kind,
       d.version_code                 AS version,
       d.year,
       d.amount_keur                  AS amount,
       d.saldo_effect_keur            AS saldo_effect,
       tf.comparable_code             AS comparable_task_field_code,
       tf.comparable_name             AS comparable_task_field_name,
       tf.comparable_group_code,
       tf.comparable_group_name,
       d.source,
       l.file_path,
       d.row_number,
       d.amount_keur,                 -- DEPRECATED: amount
       d.saldo_effect_keur            -- DEPRECATED: saldo_effect
FROM core.v_budget_detail d
JOIN core.dim_municipality m ON m.municipality_key = d.municipality_key
LEFT JOIN core.dim_iv3_task_field tf ON tf.task_field_code = d.task_field_code
JOIN audit.load_file l ON l.file_id = d.file_id;

-- Baten, lasten and saldo per municipality, per taakveld or programme, version and year. Where a
-- council table reports a block total (Baten exclusief reserves, Lasten exclusief reserves) that
-- total is used, as the council published it; otherwise the sum of the detail lines.
CREATE OR REPLACE VIEW mart.budget_summary AS
WITH detail AS (
    SELECT file_id, source, municipality_key, programme, task_field_code, version_code, year,
           sum(amount_keur) FILTER (WHERE kind = 'baten')             AS baten,
           sum(amount_keur) FILTER (WHERE kind = 'lasten')            AS lasten,
           sum(saldo_effect_keur) FILTER (WHERE kind = 'reserves')    AS reserves
    FROM core.v_budget_detail
    GROUP BY ALL
),
reported AS (
    SELECT file_id, source, municipality_key, programme, task_field_code, version_code, year,
           sum(amount_keur) FILTER (WHERE kind = 'baten')             AS baten,
           sum(amount_keur) FILTER (WHERE kind = 'lasten')            AS lasten,
           sum(saldo_effect_keur) FILTER (WHERE kind = 'reserves')    AS reserves
    FROM core.v_budget_total
    WHERE line_role = 'total' AND parent_row_number IS NULL AND municipality_key IS NOT NULL
    GROUP BY ALL
),
scope AS (
    SELECT coalesce(d.source, r.source)                     AS source,
           coalesce(d.municipality_key, r.municipality_key) AS municipality_key,
           coalesce(d.programme, r.programme)               AS programme,
           coalesce(d.task_field_code, r.task_field_code)   AS task_field_code,
           coalesce(d.version_code, r.version_code)         AS version_code,
           coalesce(d.year, r.year)                         AS year,
           coalesce(r.baten, d.baten, 0)                    AS baten,
           coalesce(r.lasten, d.lasten, 0)                  AS lasten,
           coalesce(r.reserves, d.reserves, 0)              AS reserves,
           coalesce(d.baten, 0)                             AS detail_baten,
           coalesce(d.lasten, 0)                            AS detail_lasten
    FROM detail d
    FULL JOIN reported r
      ON r.file_id = d.file_id AND r.municipality_key = d.municipality_key
     AND r.programme IS NOT DISTINCT FROM d.programme AND r.task_field_code IS NOT DISTINCT FROM d.task_field_code
     AND r.version_code = d.version_code AND r.year = d.year
),
levels AS (
    SELECT 'taakveld' AS grouping_level, source, municipality_key, CAST(NULL AS VARCHAR) AS programme, task_field_code,
           version_code, year, baten, lasten, reserves, detail_baten, detail_lasten
    FROM scope WHERE task_field_code IS NOT NULL
    UNION ALL
    SELECT 'programma', source, municipality_key, programme, NULL, version_code, year, baten, lasten, reserves, detail_baten, detail_lasten
    FROM scope WHERE programme IS NOT NULL
    UNION ALL
    SELECT 'gemeente', source, municipality_key, NULL, NULL, version_code, year, baten, lasten, reserves, detail_baten, detail_lasten
    FROM scope
)
SELECT l.grouping_level,
       m.municipality_code,
       m.municipality_name,
       l.programme,
       l.task_field_code,
       tf.task_field_name,
       tf.comparable_code                                  AS comparable_task_field_code,
       tf.comparable_group_code,
       l.version_code                                      AS version,
       l.year,
       sum(l.baten)                                        AS baten,
       sum(l.lasten)                                       AS lasten,
       sum(l.baten) - sum(l.lasten)                        AS saldo,
       sum(l.reserves)                                     AS reserves,
       sum(l.baten) - sum(l.lasten) + sum(l.reserves)      AS saldo_after_reserves,
       sum(l.detail_baten) - sum(l.detail_lasten)          AS saldo_of_detail_lines,
       l.source,
       -- DEPRECATED names of the six amounts above, kept for one release
       sum(l.baten)                                        AS baten_keur,
       sum(l.lasten)                                       AS lasten_keur,
       sum(l.baten) - sum(l.lasten)                        AS saldo_keur,
       sum(l.reserves)                                     AS reserves_keur,
       sum(l.baten) - sum(l.lasten) + sum(l.reserves)      AS saldo_after_reserves_keur,
       sum(l.detail_baten) - sum(l.detail_lasten)          AS saldo_of_detail_lines_keur
FROM levels l
JOIN core.dim_municipality m ON m.municipality_key = l.municipality_key
LEFT JOIN core.dim_iv3_task_field tf ON tf.task_field_code = l.task_field_code
GROUP BY ALL;

-- Realisatie against the latest begroting of the same year (the bijgestelde begroting when there
-- is one, else the begroting), per detail line, with the council's sign convention.
CREATE OR REPLACE VIEW mart.budget_variance AS
WITH lines AS (
    SELECT source, municipality_key,
           coalesce(programme, '') AS programme_key, coalesce(task_field_code, '') AS task_field_key,
           category_path, kind, version_code, year,
           sum(amount_keur) AS amount, sum(saldo_effect_keur) AS effect
    FROM core.v_budget_detail
    WHERE version_code IN ('realisatie', 'begroting', 'bijgestelde_begroting')
    GROUP BY ALL
),
scopes AS (
    SELECT source, municipality_key, programme_key, task_field_key, year,
           CASE WHEN bool_or(version_code = 'bijgestelde_begroting') THEN 'bijgestelde_begroting' ELSE 'begroting' END AS budget_version
    FROM lines
    GROUP BY ALL
    HAVING bool_or(version_code = 'realisatie') AND bool_or(version_code IN ('begroting', 'bijgestelde_begroting'))
),
compared AS (
    SELECT l.source, l.municipality_key, l.programme_key, l.task_field_key, l.category_path, l.kind, l.year, s.budget_version,
           coalesce(sum(l.amount) FILTER (WHERE l.version_code = s.budget_version), 0) AS budget_keur,
           coalesce(sum(l.effect) FILTER (WHERE l.version_code = s.budget_version), 0) AS budget_effect,
           coalesce(sum(l.amount) FILTER (WHERE l.version_code = 'realisatie'), 0)     AS realisatie_keur,
           coalesce(sum(l.effect) FILTER (WHERE l.version_code = 'realisatie'), 0)     AS realisatie_effect
    FROM lines l
    JOIN scopes s USING (source, municipality_key, programme_key, task_field_key, year)
    WHERE l.version_code IN ('realisatie', s.budget_version)
    GROUP BY ALL
)
SELECT m.municipality_code,
       m.municipality_name,
       nullif(c.programme_key, '')                                     AS programme,
       nullif(c.task_field_key, '')                                    AS task_field_code,
       tf.task_field_name,
       c.category_path,
       c.kind,
       c.year,
       c.budget_version,
       c.budget_keur                                                   AS budget,
       c.realisatie_keur                                               AS realisatie,
       c.realisatie_effect - c.budget_effect                           AS variance,
       CASE WHEN c.realisatie_effect < c.budget_effect THEN 'tegenvaller'
            WHEN c.realisatie_effect > c.budget_effect THEN 'meevaller'
            ELSE 'conform' END                                         AS variance_kind,
       tf.comparable_code                                              AS comparable_task_field_code,
       c.source,
       c.budget_keur,                                                  -- DEPRECATED: budget
       c.realisatie_keur,                                              -- DEPRECATED: realisatie
       c.realisatie_effect - c.budget_effect                           AS variance_keur  -- DEPRECATED: variance
FROM compared c
JOIN core.dim_municipality m ON m.municipality_key = c.municipality_key
LEFT JOIN core.dim_iv3_task_field tf ON tf.task_field_code = nullif(c.task_field_key, '');

-- Every reported total, subtotal and saldo line (and the Iv3 'Nederland' rows), with how it
-- reconciles with the sum of its parts.
CREATE OR REPLACE VIEW mart.budget_reported_total AS
SELECT m.municipality_code,
       coalesce(m.municipality_name, 'Nederland')  AS municipality_name,
       t.programme,
       t.task_field_code,
       tf.task_field_name,
       t.category_path,
       t.kind,
       t.line_role,
       t.version_code                              AS version,
       t.year,
       t.amount_keur                               AS reported_amount,
       r.parts_keur                                AS sum_of_parts,
       r.difference_keur                           AS difference,
       r.parts_count,
       r.tolerance_keur                            AS tolerance,
       r.outcome                                   AS reconciliation,
       r.check_kind,
       tf.comparable_code                          AS comparable_task_field_code,
       t.source,
       l.file_path,
       t.row_number,
       t.amount_keur                               AS reported_keur,      -- DEPRECATED: reported_amount
       r.parts_keur                                AS sum_of_parts_keur,  -- DEPRECATED: sum_of_parts
       r.difference_keur,                                                 -- DEPRECATED: difference
       r.tolerance_keur                                                   -- DEPRECATED: tolerance
FROM core.v_budget_total t
LEFT JOIN core.dim_municipality m ON m.municipality_key = t.municipality_key
LEFT JOIN core.dim_iv3_task_field tf ON tf.task_field_code = t.task_field_code
LEFT JOIN audit.budget_reconciliation r
       ON r.file_id = t.file_id AND r.row_number = t.row_number AND r.amount_column = t.amount_column
JOIN audit.load_file l ON l.file_id = t.file_id;

COMMENT ON VIEW mart.budget_line IS 'Every detail budget line that counts, one row per amount: municipality, programme, taakveld, category, kind, version, year, amount x € 1.000. Reported totals are not here, so lines can be summed freely (within one source).';
COMMENT ON COLUMN mart.budget_line.municipality_code IS 'CBS municipality code, GM + four digits.';
COMMENT ON COLUMN mart.budget_line.municipality_name IS 'Municipality name (CBS spelling).';
COMMENT ON COLUMN mart.budget_line.programme IS 'Council programme the line belongs to, as the export names it; NULL when only the taakveld is known.';
COMMENT ON COLUMN mart.budget_line.task_field_code IS 'Iv3 taakveld code as delivered (6.81, 6.81b, 6.812); NULL for programme lines without a taakveld.';
COMMENT ON COLUMN mart.budget_line.task_field_name IS 'Name of the taakveld (latest name in the Iv3 lists).';
COMMENT ON COLUMN mart.budget_line.category_path IS 'Category from the block total down to the line, labels joined by '' > '' (Lasten exclusief reserves > Apparaatslasten > Personeel); Baten or Lasten for CBS Iv3 taakveld totals.';
COMMENT ON COLUMN mart.budget_line.kind IS 'baten, lasten or reserves.';
COMMENT ON COLUMN mart.budget_line.version IS 'realisatie, begroting, bijgestelde_begroting or raming (core.dim_budget_version).';
COMMENT ON COLUMN mart.budget_line.year IS 'Budget year the amount is about.';
COMMENT ON COLUMN mart.budget_line.amount IS 'Amount as reported, in thousands of euros (x € 1.000).';
COMMENT ON COLUMN mart.budget_line.saldo_effect IS 'The amount as it counts in the saldo: + baten, - lasten, + onttrekking and - toevoeging of reserves; x € 1.000.';
COMMENT ON COLUMN mart.budget_line.comparable_task_field_code IS 'Taakveld code that stays comparable across Iv3 list changes (6.81b in 2023 and 6.812 in 2025 are both 6.812); group by it for multi-year series.';
COMMENT ON COLUMN mart.budget_line.comparable_task_field_name IS 'Name of comparable_task_field_code.';
COMMENT ON COLUMN mart.budget_line.comparable_group_code IS 'Coarser series comparable over all Iv3 list versions (6.81 Geëscaleerde zorg 18+ for 6.81, 6.81a/b, 6.811/6.812).';
COMMENT ON COLUMN mart.budget_line.comparable_group_name IS 'Name of comparable_group_code.';
COMMENT ON COLUMN mart.budget_line.source IS 'council (the council''s own tables and long exports) or cbs_iv3 (CBS Iv3 taakveld totals); do not add the two.';
COMMENT ON COLUMN mart.budget_line.file_path IS 'The delivered file the line comes from, relative to the input folder.';
COMMENT ON COLUMN mart.budget_line.row_number IS 'Row (line or Excel row) of the line in that file.';

COMMENT ON VIEW mart.budget_summary IS 'Baten, lasten and saldo per municipality and taakveld, programme or the whole municipality (grouping_level), version and year, x € 1.000. Block totals the council reported are used as published; otherwise sums of detail lines.';
COMMENT ON COLUMN mart.budget_summary.grouping_level IS 'taakveld (one row per taakveld), programma (per programme) or gemeente (all lines of the municipality in that source).';
COMMENT ON COLUMN mart.budget_summary.municipality_code IS 'CBS municipality code, GM + four digits.';
COMMENT ON COLUMN mart.budget_summary.municipality_name IS 'Municipality name (CBS spelling).';
COMMENT ON COLUMN mart.budget_summary.programme IS 'Programme on programma rows; NULL otherwise.';
COMMENT ON COLUMN mart.budget_summary.task_field_code IS 'Iv3 taakveld code on taakveld rows; NULL otherwise.';
COMMENT ON COLUMN mart.budget_summary.task_field_name IS 'Name of the taakveld.';
COMMENT ON COLUMN mart.budget_summary.comparable_task_field_code IS 'Taakveld code comparable across Iv3 list changes (6.81b and 6.812 -> 6.812): group by it for multi-year series.';
COMMENT ON COLUMN mart.budget_summary.comparable_group_code IS 'Coarser series comparable over all Iv3 list versions (6.81 for 6.81, 6.81a/b, 6.811/6.812).';
COMMENT ON COLUMN mart.budget_summary.version IS 'realisatie, begroting, bijgestelde_begroting or raming.';
COMMENT ON COLUMN mart.budget_summary.year IS 'Budget year.';
COMMENT ON COLUMN mart.budget_summary.baten IS 'Baten (income) excluding reserves, x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.lasten IS 'Lasten (expenses) excluding reserves, x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.saldo IS 'Saldo before reserves: baten - lasten (negative: more spent than received); x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.reserves IS 'Net mutation of reserves: onttrekkingen - toevoegingen; x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.saldo_after_reserves IS 'Saldo after reserves: saldo + reserves; x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.saldo_of_detail_lines IS 'The saldo from the detail lines alone; differs from saldo by the council''s rounding of its totals; x € 1.000.';
COMMENT ON COLUMN mart.budget_summary.source IS 'council or cbs_iv3; never add the two.';

COMMENT ON VIEW mart.budget_variance IS 'Realisatie against the latest begroting of the same year (bijgestelde begroting when there is one), per detail line. Sign convention of the council: a negative variance is a setback (tegenvaller: more spent or less received than budgeted).';
COMMENT ON COLUMN mart.budget_variance.municipality_code IS 'CBS municipality code, GM + four digits.';
COMMENT ON COLUMN mart.budget_variance.municipality_name IS 'Municipality name (CBS spelling).';
COMMENT ON COLUMN mart.budget_variance.programme IS 'Council programme; NULL when only the taakveld is known.';
COMMENT ON COLUMN mart.budget_variance.task_field_code IS 'Iv3 taakveld code; NULL for programme lines without a taakveld.';
COMMENT ON COLUMN mart.budget_variance.task_field_name IS 'Name of the taakveld.';
COMMENT ON COLUMN mart.budget_variance.category_path IS 'Category of the line (see mart.budget_line.category_path).';
COMMENT ON COLUMN mart.budget_variance.kind IS 'baten, lasten or reserves.';
COMMENT ON COLUMN mart.budget_variance.year IS 'Budget year.';
COMMENT ON COLUMN mart.budget_variance.budget_version IS 'The begroting compared with: bijgestelde_begroting when the year has one for this programme/taakveld, else begroting.';
COMMENT ON COLUMN mart.budget_variance.budget IS 'Budgeted amount of that version, x € 1.000 (0 when the line was not budgeted).';
COMMENT ON COLUMN mart.budget_variance.realisatie IS 'Realised amount, x € 1.000 (0 when nothing was realised on the line).';
COMMENT ON COLUMN mart.budget_variance.variance IS 'Effect on the saldo of realisatie against begroting, x € 1.000: negative is a setback (lasten above budget, baten below), positive a windfall. Sums to the variance of a programme.';
COMMENT ON COLUMN mart.budget_variance.variance_kind IS 'tegenvaller (negative), meevaller (positive) or conform (zero).';
COMMENT ON COLUMN mart.budget_variance.comparable_task_field_code IS 'Taakveld code comparable across Iv3 list changes.';
COMMENT ON COLUMN mart.budget_variance.source IS 'council or cbs_iv3.';

COMMENT ON VIEW mart.budget_reported_total IS 'Totals, subtotals and saldo lines as councils reported them, and the Nederland rows of CBS Iv3 files, with their reconciliation against the sum of their parts (never add these to mart.budget_line).';
COMMENT ON COLUMN mart.budget_reported_total.municipality_code IS 'CBS municipality code; NULL on the Nederland rows of CBS Iv3 files.';
COMMENT ON COLUMN mart.budget_reported_total.municipality_name IS 'Municipality name, or Nederland for the national total of a CBS Iv3 file.';
COMMENT ON COLUMN mart.budget_reported_total.programme IS 'Council programme, when the table names one.';
COMMENT ON COLUMN mart.budget_reported_total.task_field_code IS 'Iv3 taakveld code.';
COMMENT ON COLUMN mart.budget_reported_total.task_field_name IS 'Name of the taakveld.';
COMMENT ON COLUMN mart.budget_reported_total.category_path IS 'Category path of the total (Lasten exclusief reserves > Apparaatslasten), or the saldo line''s label.';
COMMENT ON COLUMN mart.budget_reported_total.kind IS 'baten, lasten, reserves or saldo.';
COMMENT ON COLUMN mart.budget_reported_total.line_role IS 'total (a total or subtotal of lines below it) or saldo (a balance over the blocks above it).';
COMMENT ON COLUMN mart.budget_reported_total.version IS 'realisatie, begroting, bijgestelde_begroting or raming.';
COMMENT ON COLUMN mart.budget_reported_total.year IS 'Budget year.';
COMMENT ON COLUMN mart.budget_reported_total.reported_amount IS 'The total as reported, x € 1.000.';
COMMENT ON COLUMN mart.budget_reported_total.sum_of_parts IS 'Sum of its parts as loaded (for a saldo: baten - lasten +/- reserves above it); x € 1.000.';
COMMENT ON COLUMN mart.budget_reported_total.difference IS 'reported_amount - sum_of_parts; x € 1.000.';
COMMENT ON COLUMN mart.budget_reported_total.parts_count IS 'Number of lines summed.';
COMMENT ON COLUMN mart.budget_reported_total.tolerance IS 'Rounding tolerance: 1 per summed line; x € 1.000.';
COMMENT ON COLUMN mart.budget_reported_total.reconciliation IS 'equal, rounding (difference within the tolerance: the council rounds every figure on its own) or error.';
COMMENT ON COLUMN mart.budget_reported_total.check_kind IS 'sum_of_parts, saldo or national_total (Nederland against the sum of the municipalities).';
COMMENT ON COLUMN mart.budget_reported_total.comparable_task_field_code IS 'Taakveld code comparable across Iv3 list changes.';
COMMENT ON COLUMN mart.budget_reported_total.source IS 'council or cbs_iv3.';
COMMENT ON COLUMN mart.budget_reported_total.file_path IS 'The delivered file, relative to the input folder.';
COMMENT ON COLUMN mart.budget_reported_total.row_number IS 'Row of the total in that file.';

-- The names of release 1, kept for one release next to the new ones (README, Renamed mart columns).
COMMENT ON COLUMN mart.budget_line.amount_keur IS 'DEPRECATED: use amount (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_line.saldo_effect_keur IS 'DEPRECATED: use saldo_effect (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.baten_keur IS 'DEPRECATED: use baten (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.lasten_keur IS 'DEPRECATED: use lasten (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.saldo_keur IS 'DEPRECATED: use saldo (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.reserves_keur IS 'DEPRECATED: use reserves (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.saldo_after_reserves_keur IS 'DEPRECATED: use saldo_after_reserves (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_summary.saldo_of_detail_lines_keur IS 'DEPRECATED: use saldo_of_detail_lines (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_variance.budget_keur IS 'DEPRECATED: use budget (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_variance.realisatie_keur IS 'DEPRECATED: use realisatie (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_variance.variance_keur IS 'DEPRECATED: use variance (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_reported_total.reported_keur IS 'DEPRECATED: use reported_amount (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_reported_total.sum_of_parts_keur IS 'DEPRECATED: use sum_of_parts (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_reported_total.difference_keur IS 'DEPRECATED: use difference (the same amount, x € 1.000); removed in the next release.';
COMMENT ON COLUMN mart.budget_reported_total.tolerance_keur IS 'DEPRECATED: use tolerance (the same amount, x € 1.000); removed in the next release.';
