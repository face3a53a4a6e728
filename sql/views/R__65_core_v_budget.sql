-- Finance facts as the marts use them.
--
-- 1. Only files whose load completed (audit.load_file.status = 'LOADED'): a delivery that failed
--    half-way or was superseded by a re-delivery does not count.
-- 2. One document per scope. Council documents restate earlier years (the Begroting 2022 repeats
--    the Begroting 2021 and the ramingen), so the same figure can arrive in several files. For
--    every scope - source, municipality, programme, taakveld, version and year - the lines of one
--    file count: the most recent document, i.e. the file reaching the latest year; on a tie the
--    file of the latest run, and within one run the last by name (files of a run load in parallel,
--    so their file ids do not follow their names). CBS Iv3 and council files are different sources
--    and never replace each other.
CREATE OR REPLACE VIEW core.v_budget_scope_current AS
WITH scopes AS (
    SELECT b.file_id, b.source, b.municipality_key, b.programme, b.task_field_code, b.version_code, b.year
    FROM core.fct_budget b
    UNION
    SELECT t.file_id, t.source, t.municipality_key, t.programme, t.task_field_code, t.version_code, t.year
    FROM core.fct_budget_total t
),
loaded AS (
    SELECT s.*, l.run_id, l.file_path
    FROM scopes s
    JOIN audit.load_file l ON l.file_id = s.file_id AND l.status = 'LOADED'
),
document AS (
    SELECT file_id, max(year) AS document_year FROM loaded GROUP BY file_id
)
SELECT loaded.file_id, loaded.source, loaded.municipality_key, loaded.programme, loaded.task_field_code,
       loaded.version_code, loaded.year, document.document_year
FROM loaded
JOIN document USING (file_id)
QUALIFY row_number() OVER (PARTITION BY loaded.source, loaded.municipality_key, loaded.programme, loaded.task_field_code,
                                        loaded.version_code, loaded.year
                           ORDER BY document.document_year DESC, loaded.run_id DESC, loaded.file_path DESC, loaded.file_id DESC) = 1;

-- Detail amounts that count (core.fct_budget restricted to the current document of each scope).
CREATE OR REPLACE VIEW core.v_budget_detail AS
SELECT b.*
FROM core.fct_budget b
JOIN core.v_budget_scope_current s
  ON s.file_id = b.file_id AND s.source = b.source
 AND s.municipality_key IS NOT DISTINCT FROM b.municipality_key
 AND s.programme IS NOT DISTINCT FROM b.programme
 AND s.task_field_code IS NOT DISTINCT FROM b.task_field_code
 AND s.version_code = b.version_code AND s.year = b.year;

-- Reported totals, subtotals, saldo lines and Iv3 'Nederland' rows that count, likewise.
CREATE OR REPLACE VIEW core.v_budget_total AS
SELECT t.*
FROM core.fct_budget_total t
JOIN core.v_budget_scope_current s
  ON s.file_id = t.file_id AND s.source = t.source
 AND s.municipality_key IS NOT DISTINCT FROM t.municipality_key
 AND s.programme IS NOT DISTINCT FROM t.programme
 AND s.task_field_code IS NOT DISTINCT FROM t.task_field_code
 AND s.version_code = t.version_code AND s.year = t.year;

-- The category hierarchy: every category path of the loaded lines with its parent and level.
-- A path is the labels from the block total down to the line, joined by ' > '
-- ("Lasten exclusief reserves > Apparaatslasten > Personeel"); CBS Iv3 lines are 'Baten' / 'Lasten'.
CREATE OR REPLACE VIEW core.dim_budget_category AS
WITH paths AS (
    SELECT DISTINCT category_path, kind, false AS is_reported_total FROM core.fct_budget
    UNION
    SELECT DISTINCT category_path, kind, true FROM core.fct_budget_total
)
SELECT category_path,
       string_split(category_path, ' > ')[-1]                                          AS category_name,
       CASE WHEN contains(category_path, ' > ')
            THEN left(category_path, length(category_path) - length(string_split(category_path, ' > ')[-1]) - 3) END AS parent_path,
       len(string_split(category_path, ' > '))                                         AS level,
       kind,
       bool_or(is_reported_total)                                                      AS is_reported_total
FROM paths
GROUP BY category_path, kind;

COMMENT ON VIEW core.v_budget_scope_current IS 'Per scope (source, municipality, programme, taakveld, version, year) the one loaded finance file that counts: the most recent document.';
COMMENT ON VIEW core.v_budget_detail IS 'core.fct_budget restricted to LOADED files and the current document of each scope.';
COMMENT ON VIEW core.v_budget_total IS 'core.fct_budget_total restricted to LOADED files and the current document of each scope.';
COMMENT ON VIEW core.dim_budget_category IS 'Category hierarchy of the budget lines: path, name, parent path, level, kind.';
