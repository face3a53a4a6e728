package nl.opvangmonitor.ingest.read;

import java.io.Closeable;
import java.io.IOException;

/** Streams the physical rows of one file, one at a time. */
public interface RawRowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    RawRow next() throws IOException;

    /**
     * The header has this many cells: a reader that can tell a record from a line (CSV) uses it to
     * notice a quote that swallows whole records. Workbooks have no use for it.
     */
    default void expectCells(int width) {
    }

    /** The encoding and delimiter of a CSV file as sniffed when it was opened; empty for a workbook. */
    default java.util.Optional<CsvDialect> csvDialect() {
        return java.util.Optional.empty();
    }
}
