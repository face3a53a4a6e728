package nl.opvangmonitor.common.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time spent per phase of the file pipeline, summed over all files of a run: reading and parsing,
 * validating (including pseudonymisation) and writing. The benchmark reads it; a load resets it.
 */
public final class LoadMetrics {

    public static final AtomicLong READ_NANOS = new AtomicLong();
    public static final AtomicLong VALIDATE_NANOS = new AtomicLong();
    public static final AtomicLong WRITE_NANOS = new AtomicLong();
    public static final AtomicLong ROWS = new AtomicLong();
    public static final AtomicLong INDICATOR_NANOS = new AtomicLong();
    public static final AtomicLong CHECK_NANOS = new AtomicLong();
    public static final AtomicLong PUBLISH_NANOS = new AtomicLong();

    private LoadMetrics() {
    }

    public static void reset() {
        for (AtomicLong a : new AtomicLong[] {READ_NANOS, VALIDATE_NANOS, WRITE_NANOS, ROWS, INDICATOR_NANOS, CHECK_NANOS, PUBLISH_NANOS}) {
            a.set(0);
        }
    }
}
