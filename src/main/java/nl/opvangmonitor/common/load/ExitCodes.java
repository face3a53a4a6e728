package nl.opvangmonitor.common.load;

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
    /** Wrong command line. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
