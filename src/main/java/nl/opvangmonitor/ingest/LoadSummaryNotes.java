package nl.opvangmonitor.ingest;

import java.util.List;

/**
 * Lines the platform adds to the run summary of {@code load} (a source adds its own through
 * {@link SourceModule#fileNotes} and {@link SourceModule#runNotes}): under a file (what it made of the file,
 * e.g. reconciliation notes) and after the file table (totals of the run). The summary indents them.
 */
public interface LoadSummaryNotes {

    /** Lines to print under one file of the run; empty when the file is not this feature's. */
    List<String> fileNotes(long fileId);

    /** Lines to print after the file table. */
    default List<String> runNotes(long runId) {
        return List.of();
    }
}
