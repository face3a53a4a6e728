-- Figures as the council published them (input/gepubliceerd/), to compare with what the warehouse
-- computes (mart.published_comparison). One row per published figure.
--  figure_kind value:  an indicator value (indicator_code, area, year)
--              denominator: the denominator of a percentage or mean (8856 cases with a known duration)
--              target: a streefwaarde (compared with core.v_current_target)
--              change: the change against the previous year in percent (as mart.indicator_trend)
--              budget: an amount of a budget line (budget_scope = taakveld code or programme,
--                      budget_version, budget_line = the line label), or its variance (version afwijking)
-- published_decimals is the precision the notation shows: 64% -> 0, 9,4 -> 1, 48,33% -> 2.
CREATE TABLE core.fct_published (
    file_id             BIGINT  NOT NULL,
    row_number          INTEGER NOT NULL,
    figure_kind         VARCHAR NOT NULL CHECK (figure_kind IN ('value', 'denominator', 'target', 'change', 'budget')),
    indicator_text      VARCHAR NOT NULL,        -- the indicator column as written
    indicator_code      VARCHAR,                 -- NULL for budget lines
    budget_scope        VARCHAR,
    budget_version      VARCHAR,
    budget_line         VARCHAR,
    area_code           VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    published_text      VARCHAR NOT NULL,
    published_value     DECIMAL(18, 4),          -- NULL for a target without a value (**)
    published_decimals  INTEGER,
    is_percent          BOOLEAN NOT NULL,
    target_operator     VARCHAR,
    target_value        DECIMAL(18, 4),
    target_value_upper  DECIMAL(18, 4),
    source_document     VARCHAR NOT NULL,
    page                VARCHAR,
    publication_date    DATE,
    toelichting         VARCHAR
);

COMMENT ON TABLE core.fct_published IS 'Figures as the council published them (gepubliceerd), one row per figure, compared in mart.published_comparison.';
