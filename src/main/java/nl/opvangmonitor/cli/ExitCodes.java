package nl.opvangmonitor.cli;

/** Exit codes of the command line, documented in the README. */
public final class ExitCodes {
    /** Everything loaded, no row rejected. */
    public static final int OK = 0;
    /** The run failed (an unexpected error); the message names it. */
    public static final int RUN_FAILED = 1;
    /** Every file loaded, but some rows were rejected (see audit.rejected_row). */
    public static final int COMPLETED_WITH_REJECTS = 2;
    /** At least one file could not be loaded at all (missing columns, corrupt workbook); the others loaded. */
    public static final int FILES_FAILED = 3;
    /** A publish check failed: nothing was published, yesterday's warehouse stays. */
    public static final int CHECKS_FAILED = 4;
    /** status: a source had no new delivery within its configured number of days (or nothing is published). */
    public static final int STALE = 5;
    /** Wrong command line. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
