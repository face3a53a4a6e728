-- How an export may write a municipality, normalised, to its key: one definition for every source.
-- core.municipality_spelling(text) normalises: spaces collapsed and trimmed, lower case, ’ and ` as ',
-- a leading "gemeente " dropped, a CBS code or number (GM0599, 0599, 599) as the number without
-- leading zeros. The rules call the macro (StagedRows.municipality and .area); finance reads the
-- gemeente a council table's title names through it too, in one query per file (BudgetReference).
CREATE OR REPLACE MACRO core.municipality_text(t) AS
    regexp_replace(lower(trim(regexp_replace(replace(replace(t, '’', ''''), '`', ''''), '\s+', ' ', 'g'))), '^gemeente ', '');

CREATE OR REPLACE MACRO core.municipality_spelling(t) AS
    CASE WHEN regexp_full_match(core.municipality_text(t), '(gm)?[0-9]{1,4}')
         THEN CAST(CAST(replace(core.municipality_text(t), 'gm', '') AS INTEGER) AS VARCHAR)
         ELSE core.municipality_text(t) END;

-- Codes, numbers and names first; the aliases finance exports use (core.budget_municipality_alias)
-- only where they name nothing else.
CREATE OR REPLACE VIEW core.v_municipality_spelling AS
WITH spellings AS (
    -- GM0599, 0599 and 599 all normalise to 599, the key (check code_matches_key)
    SELECT core.municipality_spelling(municipality_code) AS spelling, municipality_key, 0 AS priority FROM core.dim_municipality
    UNION ALL
    SELECT core.municipality_spelling(municipality_name), municipality_key, 0 FROM core.dim_municipality
    UNION ALL
    SELECT core.municipality_spelling(alias), municipality_key, 1 FROM core.budget_municipality_alias
)
SELECT spelling, arg_min(municipality_key, priority * 100000 + municipality_key) AS municipality_key
FROM spellings
GROUP BY spelling;

COMMENT ON VIEW core.v_municipality_spelling IS 'How exports write a municipality (code, number, name, known alias; normalised by core.municipality_spelling) and its key.';

-- An area as exports name it: a municipality written any way above, else a region by its code or
-- name (normalised the same way), to its code (GM0599, VT-Rotterdam-Rijnmond).
CREATE OR REPLACE VIEW core.v_area_spelling AS
SELECT s.spelling, m.municipality_code AS area_code
FROM core.v_municipality_spelling s
JOIN core.dim_municipality m USING (municipality_key)
UNION ALL
SELECT spelling, min(region_code) AS area_code
FROM (SELECT core.municipality_spelling(region_code) AS spelling, region_code FROM core.dim_region
      UNION ALL
      SELECT core.municipality_spelling(region_name), region_code FROM core.dim_region) r
WHERE NOT EXISTS (SELECT 1 FROM core.v_municipality_spelling s WHERE s.spelling = r.spelling)
GROUP BY spelling;

COMMENT ON VIEW core.v_area_spelling IS 'How exports write a municipality or region (normalised by core.municipality_spelling) and its area code.';
