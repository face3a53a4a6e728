-- What a load run scanned: all of history (a full run) or only what the run added or superseded.
-- A full run is due when asked for (opvangmonitor.full-checks=true), when none is recorded, when the
-- last one is older than opvangmonitor.full-checks-after-days (default 7), or when the run migrated
-- the schema (a view or check may count differently now).
CREATE TABLE audit.run_scan (
    run_id        BIGINT  PRIMARY KEY,
    is_full_scan  BOOLEAN NOT NULL,
    reason        VARCHAR NOT NULL,
    decided_at    TIMESTAMP NOT NULL
);

-- The years whose indicator values a run recomputes when it does not scan everything: the years of
-- the facts it added, removed (superseded deliveries, replaced keys) or re-dated (facility versions).
CREATE TABLE audit.affected_year (
    run_id  BIGINT  NOT NULL,
    year    INTEGER NOT NULL
);

COMMENT ON TABLE audit.run_scan IS 'Per load run: full scan of history or incremental (only what the run added or superseded), and why.';
COMMENT ON TABLE audit.affected_year IS 'Per incremental run: the years whose indicator values it recomputed.';
