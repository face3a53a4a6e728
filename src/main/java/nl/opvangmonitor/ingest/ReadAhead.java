package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import nl.opvangmonitor.ingest.read.SourceRow;
import nl.opvangmonitor.ingest.read.SourceRowStream;

/**
 * Reads a file's rows on a thread of its own, a batch at a time, while the caller appends the batch
 * before: parsing a workbook's XML and pseudonymising and appending its rows each keep a core busy,
 * so on two cores staging a workbook takes about as long as reading it. At most {@value #BATCHES}
 * batches wait, so the heap holds a few thousand rows, never the file. What the reader throws
 * (a malformed sheet, a read error) is thrown by {@link #next()} in the caller's thread, unchanged.
 * Closing stops the reader and waits for it, so the stream can be closed safely afterwards.
 */
final class ReadAhead implements AutoCloseable {

    static final int BATCH_ROWS = 4096;
    private static final int BATCHES = 4;
    private static final List<SourceRow> END = List.of();

    private final BlockingQueue<List<SourceRow>> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    /** What stopped the reader, read by the caller after it took {@link #END} (the queue orders the two). */
    private Throwable failure;
    private boolean ended;

    ReadAhead(SourceRowStream rows, String name) {
        reader = Thread.ofPlatform().name(name).daemon().start(() -> read(rows));
    }

    private void read(SourceRowStream rows) {
        try {
            List<SourceRow> batch = new ArrayList<>(BATCH_ROWS);
            SourceRow row;
            while ((row = rows.next()) != null) {
                batch.add(row);
                if (batch.size() == BATCH_ROWS) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH_ROWS);
                }
            }
            if (!batch.isEmpty()) {
                batches.put(batch);
            }
        } catch (InterruptedException e) {
            return; // closed by the caller: nobody takes the end
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        try {
            batches.put(END);
        } catch (InterruptedException e) {
            // closed by the caller meanwhile
        }
    }

    /** The next batch of rows in file order, or null after the last; throws what the reader threw. */
    List<SourceRow> next() throws IOException {
        if (ended) {
            return null;
        }
        List<SourceRow> batch;
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("staging was interrupted");
        }
        if (batch != END) {
            return batch;
        }
        ended = true;
        switch (failure) {
            case null -> {
                return null;
            }
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
