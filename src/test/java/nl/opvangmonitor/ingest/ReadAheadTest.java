package nl.opvangmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.opvangmonitor.ingest.read.MalformedFileException;
import nl.opvangmonitor.ingest.read.SourceRow;
import nl.opvangmonitor.ingest.read.SourceRowStream;
import org.junit.jupiter.api.Test;

/** The reading thread of streamed staging: every row in file order, the reader's failure in the caller's thread, a clean stop. */
class ReadAheadTest {

    /** Rows numbered 2, 3, ... (row 1 is the header); after {@code failAfter} rows the next read fails as a malformed sheet would. */
    private static SourceRowStream rows(int count, int failAfter, AtomicInteger reads) {
        return new SourceRowStream() {
            @Override
            public SourceRow next() throws IOException {
                int n = reads.getAndIncrement();
                if (n == failAfter) {
                    throw new MalformedFileException("sheet row " + (n + 2) + ": the sheet XML is corrupt (not well-formed)");
                }
                return n < count ? new SourceRow(7, n + 2, new String[] {"v" + n}, Map.of("c", 0)) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<SourceRow> drain(ReadAhead ahead) throws IOException {
        List<SourceRow> all = new ArrayList<>();
        List<SourceRow> batch;
        while ((batch = ahead.next()) != null) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void next_whenTheFileHoldsMoreRowsThanABatch_thenEveryRowInFileOrderThenTheEnd() throws Exception {
        int count = 2 * ReadAhead.BATCH_ROWS + 5;
        try (ReadAhead ahead = new ReadAhead(rows(count, -1, new AtomicInteger()), "test")) {
            List<SourceRow> all = drain(ahead);

            assertThat(all).hasSize(count);
            assertThat(all).extracting(SourceRow::rowNumber).isSorted().startsWith(2, 3).endsWith(count + 1);
            assertThat(all.get(count - 1).get("c")).isEqualTo("v" + (count - 1));
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void next_whenTheReaderFailsMidFile_thenTheRowsBeforeItThenItsOwnException() throws Exception {
        int failAfter = ReadAhead.BATCH_ROWS + 10;
        try (ReadAhead ahead = new ReadAhead(rows(100_000, failAfter, new AtomicInteger()), "test")) {
            List<SourceRow> first = ahead.next();

            assertThat(first).hasSize(ReadAhead.BATCH_ROWS);
            assertThatThrownBy(ahead::next).isInstanceOf(MalformedFileException.class)
                    .hasMessage("sheet row " + (failAfter + 2) + ": the sheet XML is corrupt (not well-formed)");
        }
    }

    @Test
    void close_whenTheCallerStopsEarly_thenTheReaderStopsReading() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead ahead = new ReadAhead(rows(Integer.MAX_VALUE, -1, reads), "test");
        assertThat(ahead.next()).hasSize(ReadAhead.BATCH_ROWS);

        ahead.close();
        int readAtClose = reads.get();
        Thread.sleep(50);

        // at most the queued batches and the one being filled were read: the file is not read on after close
        assertThat(readAtClose).isLessThanOrEqualTo(6 * ReadAhead.BATCH_ROWS + 1);
        assertThat(reads.get()).isEqualTo(readAtClose);
    }
}
