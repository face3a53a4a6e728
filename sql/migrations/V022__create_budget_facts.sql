-- Finance: budget lines of council tables (long and wide layouts) and CBS Iv3 taakveld totals.
-- Amounts are in thousands of euros (x € 1.000), as councils and CBS publish them.
--
-- A delivered line can carry several amounts (a council table row has one per version and year;
-- an Iv3 row has baten and lasten), so the load writes:
--   core.budget_source_line  one row per line loaded (the audit counts these: rows read = loaded + rejected);
--   core.fct_budget          one row per amount of a DETAIL line (the fact analysts sum);
--   core.fct_budget_total    one row per amount of a REPORTED total, subtotal or saldo line and of the
--                            Iv3 'Nederland' rows, kept apart so nothing is counted twice.
-- Lines of a council table point at the reported total they are part of (parent_row_number), so
-- reported totals can be reconciled with the sum of their parts (audit.budget_reconciliation).
-- The tables the loader appends to have no CHECK (x IN (...)) constraints: with DuckDB JDBC
-- 2.0.0.1 such a check fails on any Appender flush of more than 2048 rows with valid values.

CREATE TABLE core.budget_source_line (
    file_id       BIGINT  NOT NULL,
    row_number    INTEGER NOT NULL,
    layout        VARCHAR NOT NULL,           -- long, wide or iv3
    line_role     VARCHAR NOT NULL,           -- detail, total, saldo or heading (a label without amounts)
    label         VARCHAR,
    amount_count  INTEGER NOT NULL
);

CREATE TABLE core.fct_budget (
    file_id            BIGINT  NOT NULL,
    row_number         INTEGER NOT NULL,
    amount_column      INTEGER NOT NULL,          -- which amount of the line (1 = first year column, or baten)
    source             VARCHAR NOT NULL,          -- council or cbs_iv3
    municipality_key   INTEGER NOT NULL,
    programme          VARCHAR,
    task_field_code    VARCHAR,
    category_path      VARCHAR NOT NULL,          -- labels from the block total down to the line, joined by ' > '
    kind               VARCHAR NOT NULL,          -- baten, lasten or reserves
    version_code       VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    amount_keur        DECIMAL(18, 3) NOT NULL,   -- as reported, x € 1.000
    saldo_effect_keur  DECIMAL(18, 3) NOT NULL,   -- effect on the saldo: + baten, - lasten, + onttrekking, - toevoeging reserves
    parent_row_number  INTEGER,                   -- the reported (sub)total this line is a part of
    sign_in_parent     INTEGER NOT NULL           -- +1, or -1 for a toevoeging under a reserves total
);

CREATE TABLE core.fct_budget_total (
    file_id            BIGINT  NOT NULL,
    row_number         INTEGER NOT NULL,
    amount_column      INTEGER NOT NULL,
    source             VARCHAR NOT NULL,
    municipality_key   INTEGER,                   -- NULL: the national total ('Nederland') of an Iv3 file
    programme          VARCHAR,
    task_field_code    VARCHAR,
    category_path      VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,          -- baten, lasten, reserves or saldo
    line_role          VARCHAR NOT NULL,          -- total or saldo
    version_code       VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    amount_keur        DECIMAL(18, 3) NOT NULL,
    saldo_effect_keur  DECIMAL(18, 3) NOT NULL,
    parent_row_number  INTEGER,
    sign_in_parent     INTEGER NOT NULL
);

-- What the loader made of each finance file: its layout and, for a council table, the gemeente,
-- taakveld and programme it found in the title rows or the file name.
CREATE TABLE audit.budget_file (
    file_id           BIGINT PRIMARY KEY,
    layout            VARCHAR NOT NULL,
    description       VARCHAR NOT NULL,
    structure_note    VARCHAR,                    -- how the totals were recognised, or why they were not
    is_reconciled     BOOLEAN NOT NULL DEFAULT false
);

-- Reported totals compared with the sum of their parts. A difference of at most 1 (thousand euros)
-- per summed line is a rounding note (councils round every figure on its own); a larger one is a
-- reconciliation error. Neither rejects anything: the reported totals are never summed.
CREATE TABLE audit.budget_reconciliation (
    file_id          BIGINT  NOT NULL,
    row_number       INTEGER NOT NULL,            -- the line holding the reported total
    amount_column    INTEGER NOT NULL,
    check_kind       VARCHAR NOT NULL CHECK (check_kind IN ('sum_of_parts', 'saldo', 'national_total')),
    category_path    VARCHAR NOT NULL,
    municipality_key INTEGER,
    task_field_code  VARCHAR,
    version_code     VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    reported_keur    DECIMAL(18, 3) NOT NULL,
    parts_keur       DECIMAL(18, 3) NOT NULL,
    difference_keur  DECIMAL(18, 3) NOT NULL,     -- reported - parts
    parts_count      INTEGER NOT NULL,
    tolerance_keur   DECIMAL(18, 3) NOT NULL,     -- 1 per summed line
    outcome          VARCHAR NOT NULL CHECK (outcome IN ('equal', 'rounding', 'error'))
);

COMMENT ON TABLE core.budget_source_line IS 'Finance: one row per loaded line of a delivered finance file (detail, total, saldo or heading line).';
COMMENT ON TABLE core.fct_budget IS 'Budget fact (grain: one amount of one detail line): municipality, programme, taakveld, category, kind, version, year, amount x € 1.000.';
COMMENT ON TABLE core.fct_budget_total IS 'Reported totals, subtotals and saldo lines of council tables and the Nederland rows of CBS Iv3 files; never summed with core.fct_budget.';
COMMENT ON TABLE audit.budget_file IS 'Finance files: the layout detected and what the title rows or file name said.';
COMMENT ON TABLE audit.budget_reconciliation IS 'Reported totals against the sum of their parts: equal, rounding (at most 1 per summed line) or error.';
