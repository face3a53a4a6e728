package nl.opvangmonitor.common.io;

import java.io.Closeable;
import java.io.IOException;

/** Streams the physical rows of one file, one at a time. */
public interface RawRowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    RawRow next() throws IOException;

    /** The encoding and delimiter of a CSV file as sniffed when it was opened; empty for a workbook. */
    default java.util.Optional<CsvDialect> csvDialect() {
        return java.util.Optional.empty();
    }
}
