-- A row whose natural key (melding_id, verblijf_id) was loaded before from another delivery is
-- replaced by the newer delivery's row (as a dbt incremental model with a unique_key merges): one row
-- per newer file and older file, with how many of the older file's rows it replaced.
CREATE TABLE audit.row_replacement (
    run_id            BIGINT  NOT NULL,
    file_id           BIGINT  NOT NULL,          -- the newer delivery, whose rows count
    replaced_file_id  BIGINT  NOT NULL,          -- the older delivery, whose rows were removed
    key_column        VARCHAR NOT NULL,
    rows_replaced     BIGINT  NOT NULL
);

COMMENT ON TABLE audit.row_replacement IS 'Rows of an older delivery replaced by a newer delivery holding the same natural key.';
