package nl.opvangmonitor.ingest;

/**
 * Status of a delivered file in {@code audit.load_file.status}; {@code sql/checks/audit.yml} accepts exactly these
 * values (a test holds the two together).
 */
public enum FileStatus {
    /** being loaded by the current run */
    RUNNING,
    /** loaded: its rows are in the warehouse */
    LOADED,
    /** the same content is loaded already (under this or another name): not read again */
    SKIPPED,
    /** could not be loaded at all; nothing of it is in the warehouse */
    FAILED,
    /** replaced by a later delivery of the same path, whose rows took its place */
    SUPERSEDED
}
