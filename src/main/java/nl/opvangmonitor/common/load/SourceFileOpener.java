package nl.opvangmonitor.common.load;

import java.nio.file.Path;
import nl.opvangmonitor.common.io.FileRejectedException;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.io.SourceRowStream;
import nl.opvangmonitor.common.io.TabularFile;

/**
 * Opens one delivered file of a source as a stream of rows. Most sources read plain tables
 * ({@link #TABULAR}: the header is the first row holding every required column); a source with
 * exports of another shape gives its {@link SourceDefinition} its own opener. A file that cannot
 * be read at all fails with a {@link FileRejectedException} whose message the data team reads.
 */
@FunctionalInterface
public interface SourceFileOpener {

    SourceRowStream open(Path file, long fileId, SourceColumns columns) throws FileRejectedException;

    SourceFileOpener TABULAR = (file, fileId, columns) -> TabularFile.open(file, fileId, columns);
}
