package nl.opvangmonitor.ingest;

/**
 * Status of a load run in {@code audit.load_run.status} and in the job repository ({@code history});
 * {@code sql/checks/audit.yml} accepts exactly these values (a test holds the two together).
 */
public enum RunStatus {
    /** the run is loading (what the checks see: they run before the run's outcome is recorded) */
    RUNNING,
    /** every file loaded, no row rejected */
    COMPLETED,
    /** every file loaded, some rows rejected */
    COMPLETED_WITH_REJECTS,
    /** at least one file could not be loaded; the others were */
    FILES_FAILED,
    /** a check failed: nothing published */
    CHECKS_FAILED,
    /** the job failed: nothing published */
    FAILED,
    /** the publish failed: nothing published */
    PUBLISH_FAILED,
    /** the process stopped before the run finished (job repository only: its build was discarded) */
    INTERRUPTED
}
