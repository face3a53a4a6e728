package nl.opvangmonitor.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time spent per phase of one load run, summed over its files (which load two at a time), and the rows
 * staged. One object per Spring context, handed to the steps through their constructors; the benchmark
 * hands its own in (see {@code Application.load}) and reads it afterwards.
 */
public final class LoadMetrics {

    /** The phases of a run. */
    public enum Phase { READ, VALIDATE, WRITE, INDICATORS, CHECKS, PUBLISH }

    private final Map<Phase, AtomicLong> nanos = new EnumMap<>(Phase.class);
    private final AtomicLong rows = new AtomicLong();

    public LoadMetrics() {
        for (Phase phase : Phase.values()) {
            nanos.put(phase, new AtomicLong());
        }
    }

    /** Adds the time since {@code startedNanos} (a {@link System#nanoTime()}) to the phase. */
    public void since(Phase phase, long startedNanos) {
        add(phase, System.nanoTime() - startedNanos);
    }

    public void add(Phase phase, long elapsedNanos) {
        nanos.get(phase).addAndGet(elapsedNanos);
    }

    public void addRows(long count) {
        rows.addAndGet(count);
    }

    public double seconds(Phase phase) {
        return nanos.get(phase).get() / 1e9;
    }

    public long rows() {
        return rows.get();
    }
}
