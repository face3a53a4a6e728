-- Results of the checks that gate the publish (declared in sql/checks/*.yml, plus the built-in
-- row-count reconciliation). A run whose checks fail is not published; its build is kept aside.
CREATE TABLE audit.check_result (
    run_id        BIGINT  NOT NULL,
    check_name    VARCHAR NOT NULL,
    model         VARCHAR NOT NULL,
    passed        BOOLEAN NOT NULL,
    failing_rows  BIGINT  NOT NULL,
    message       VARCHAR,
    checked_at    TIMESTAMP NOT NULL
);
COMMENT ON TABLE audit.check_result IS 'Outcome of every publish check per run: passed, number of failing rows and what failed.';
