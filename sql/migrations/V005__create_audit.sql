-- Audit trail of every load: runs, the files they read and the rows they rejected.
CREATE SEQUENCE audit.seq_run_id START 1;
CREATE SEQUENCE audit.seq_file_id START 1;

CREATE TABLE audit.load_run (
    run_id            BIGINT PRIMARY KEY DEFAULT nextval('audit.seq_run_id'),
    job_execution_id  BIGINT,
    input_dir         VARCHAR NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,          -- RUNNING, COMPLETED, COMPLETED_WITH_REJECTS, FILES_FAILED, FAILED
    exit_code         INTEGER,
    message           VARCHAR
);

CREATE TABLE audit.load_file (
    file_id           BIGINT PRIMARY KEY DEFAULT nextval('audit.seq_file_id'),
    run_id            BIGINT NOT NULL,
    source            VARCHAR NOT NULL,          -- source folder, e.g. veiligthuis
    file_path         VARCHAR NOT NULL,          -- path relative to the input folder
    sha256            VARCHAR,
    size_bytes        BIGINT,
    status            VARCHAR NOT NULL,          -- RUNNING, LOADED, FAILED, SUPERSEDED (replaced by a later delivery of the same path)
    rows_read         BIGINT,
    rows_loaded       BIGINT,
    rows_rejected     BIGINT,
    note_rows_skipped BIGINT,
    ignored_columns   VARCHAR,                   -- columns of the export not used, named once
    message           VARCHAR,                   -- why a file failed
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP
);

-- One row per problem: a row with two bad values yields two audit rows; rows_rejected counts rows.
-- raw_value never holds a client identifier: identifier columns are masked before they get here.
CREATE TABLE audit.rejected_row (
    file_id      BIGINT  NOT NULL,
    row_number   INTEGER NOT NULL,               -- line (CSV) or row (XLSX) number as the user sees it
    column_name  VARCHAR NOT NULL,
    raw_value    VARCHAR,
    reason       VARCHAR NOT NULL
);

COMMENT ON TABLE audit.load_run IS 'One row per load run.';
COMMENT ON TABLE audit.load_file IS 'One row per file read by a run: rows read = rows loaded + rows rejected.';
COMMENT ON TABLE audit.rejected_row IS 'Rejected rows: file, row number, column, offending value (identifiers masked) and reason.';
