package nl.opvangmonitor.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The data rows of one delivered file, however its layout is recognised. {@link TabularFile} is
 * the standard one (a header row, then one row per record); a source whose exports have another
 * shape (a council table with one column per year, several layouts in one folder) supplies its own.
 */
public interface SourceRowStream extends Closeable {

    /** The next data row, or null at the end. */
    SourceRow next() throws IOException;

    /** Columns of the export the source does not use, named once in the run summary. */
    default List<String> ignoredColumns() {
        return List.of();
    }

    /** Rows after the data that are notes (sources, footnotes), counted apart from the data. */
    default int noteRowsSkipped() {
        return 0;
    }
}
