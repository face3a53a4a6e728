-- How exports and council documents write numbers and targets: one definition, used by the rules of
-- every set-based source (nl.opvangmonitor.ingest.StagedRows). A text that does not convert gives NULL.
--
-- Numbers: spaces, non-breaking spaces and the euro sign dropped, a trailing % and a leading + dropped,
-- the typographic minus read as minus; with a comma, points group thousands (1.234,5); without one, a
-- point groups thousands only when it groups digits by three (1.031), else it is a decimal point (1234.5).
CREATE OR REPLACE MACRO core.dutch_number_clean(t) AS
    regexp_replace(regexp_replace(replace(replace(replace(replace(t, chr(160), ''), ' ', ''), '€', ''), chr(8722), '-'), '%$', ''), '^\+', '');

CREATE OR REPLACE MACRO core.dutch_number_normalised(c) AS
    CASE WHEN contains(c, ',') THEN replace(replace(c, '.', ''), ',', '.')
         WHEN regexp_full_match(c, '-?[1-9]\d{0,2}(\.\d{3})+') THEN replace(c, '.', '')
         ELSE c END;

-- the number as plain text (-1234.5); the bulk of every export is plain digits, checked first
CREATE OR REPLACE MACRO core.dutch_number_text(t) AS
    CASE WHEN regexp_full_match(t, '-?\d{1,18}') THEN t
         WHEN regexp_full_match(core.dutch_number_normalised(core.dutch_number_clean(t)), '-?\d+(\.\d+)?')
         THEN core.dutch_number_normalised(core.dutch_number_clean(t)) END;

CREATE OR REPLACE MACRO core.dutch_number(t) AS TRY_CAST(core.dutch_number_text(t) AS DECIMAL(38, 10));

-- Amounts as council tables and finance's long layout write them, x € 1.000 (nl.opvangmonitor.financien):
-- Dutch notation as above (7.205, -23, −23, 48,5, € 1.234), an en dash as minus, an accountant's (23) for -23
-- and a lone dash (-, –, —, −) for nil. Whitespace anywhere is dropped; empty text gives NULL.
CREATE OR REPLACE MACRO core.council_amount_text(t) AS replace(regexp_replace(replace(t, chr(160), ''), '\s+', '', 'g'), '–', '-');

CREATE OR REPLACE MACRO core.council_amount(t) AS
    CASE WHEN core.council_amount_text(t) IN ('-', '—', '−') THEN 0
         WHEN regexp_full_match(core.council_amount_text(t), '\(.*\)')
         THEN -core.dutch_number(regexp_extract(core.council_amount_text(t), '^\((.*)\)$', 1))
         ELSE core.dutch_number(core.council_amount_text(t)) END;

-- the decimals a printed figure shows (64% -> 0, 9,4 -> 1, 48,33% -> 2, 2.097 -> 0): the precision it is compared at
CREATE OR REPLACE MACRO core.dutch_number_decimals(t) AS length(regexp_extract(core.dutch_number_text(t), '\.(\d+)$', 1));

-- Targets (streefwaarden) as councils write them: >55%, <200, >=70, ≥ 5, 0, 79%, a range 88-90% (also
-- with an en dash, t/m or tot) and **, -, n.v.t. or geen (no target set: operator and value NULL).
-- A bare number has no operator of its own: at least where higher is better, at most where lower is
-- better; a bare 0 means exactly zero.
-- The macros are kept flat (a macro is expanded where it is called: nesting multiplies the expression).
CREATE OR REPLACE MACRO core.target_none(t) AS
    coalesce(trim(t), '') = '' OR regexp_full_match(lower(trim(t)), '\*+|-|–|n\.?v\.?t\.?|geen');

-- part 1 or 2 of a range (NULL when the text is no range); a range and a comparison never both match
CREATE OR REPLACE MACRO core.target_range(t, part) AS
    core.dutch_number(nullif(regexp_extract(trim(t), '^(-?[\d.,]+)\s*%?\s*(?:-|–|t/m|tot)\s*(-?[\d.,]+)\s*%?$', part), ''));

-- the number of a comparison (>55%, 79%)
CREATE OR REPLACE MACRO core.target_compared(t) AS
    core.dutch_number(nullif(regexp_extract(trim(t), '^(>=|<=|≥|≤|>|<|=)?\s*(-?[\d.,]+\s*%?)$', 2), ''));

CREATE OR REPLACE MACRO core.target_value(t) AS coalesce(core.target_range(t, 1), core.target_compared(t));

CREATE OR REPLACE MACRO core.target_upper(t) AS core.target_range(t, 2);

-- whether the text is a target at all (a no-target word counts as one)
CREATE OR REPLACE MACRO core.is_target(t) AS
    core.target_none(t) OR (core.target_range(t, 1) IS NOT NULL AND core.target_range(t, 2) IS NOT NULL)
    OR core.target_compared(t) IS NOT NULL;

-- the operator the text writes: between for a range, >= for ≥, <= for ≤; NULL for a bare number
CREATE OR REPLACE MACRO core.target_written_operator(t) AS
    CASE WHEN regexp_full_match(trim(t), '(-?[\d.,]+)\s*%?\s*(?:-|–|t/m|tot)\s*(-?[\d.,]+)\s*%?') THEN 'between'
         ELSE nullif(replace(replace(regexp_extract(trim(t), '^(>=|<=|≥|≤|>|<|=)?\s*(-?[\d.,]+\s*%?)$', 1), '≥', '>='), '≤', '<='), '') END;

-- the operator of a target from its written operator and value: a bare number is at least where higher is
-- better (or the direction is unknown), at most where lower is better; a bare 0 is exactly zero; no value, none
CREATE OR REPLACE MACRO core.target_operator(written, value, higher_is_better) AS
    CASE WHEN value IS NULL THEN NULL
         WHEN written IS NOT NULL THEN written
         WHEN value = 0 THEN '='
         WHEN coalesce(higher_is_better, true) THEN '>='
         ELSE '<=' END;
