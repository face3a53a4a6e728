-- Retention: microdata older than the retention period (Wmo records: 15 years) is deleted, while
-- the indicator values of those years are kept here and stay published.
CREATE TABLE core.fct_indicator_value_retained (
    indicator_code  VARCHAR NOT NULL,
    area_type       VARCHAR NOT NULL,
    area_code       VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    numerator       DECIMAL(18, 4),
    denominator     DECIMAL(18, 4),
    retained_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (indicator_code, area_type, area_code, year)
);

CREATE TABLE audit.retention_log (
    table_name    VARCHAR   NOT NULL,
    cutoff_date   DATE      NOT NULL,
    rows_deleted  BIGINT    NOT NULL,
    deleted_at    TIMESTAMP NOT NULL
);

COMMENT ON TABLE core.fct_indicator_value_retained IS 'Indicator values of years whose microdata passed the retention period and was deleted.';
COMMENT ON TABLE audit.retention_log IS 'Every deletion of microdata past the retention period: table, cutoff date, rows deleted.';
