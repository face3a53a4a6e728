-- The status comments of V005 had drifted from what the load writes (SKIPPED, CHECKS_FAILED, PUBLISH_FAILED
-- were missing). The values are those of the Java enums FileStatus and RunStatus, checked by sql/checks/audit.yml.
COMMENT ON COLUMN audit.load_run.status IS 'RUNNING (while loading), COMPLETED, COMPLETED_WITH_REJECTS, FILES_FAILED, CHECKS_FAILED, FAILED, PUBLISH_FAILED or INTERRUPTED (the process stopped; job repository only).';
COMMENT ON COLUMN audit.load_file.status IS 'RUNNING (while loading), LOADED, SKIPPED (same content loaded already, not read again), FAILED (nothing of it loaded) or SUPERSEDED (replaced by a later delivery of the same path).';
