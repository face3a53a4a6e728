package nl.opvangmonitor.common.load;

import java.util.Set;
import java.util.function.Function;
import nl.opvangmonitor.common.io.SourceColumns;

/**
 * Everything the generic file pipeline needs to know about one source: the folder its exports
 * are dropped in, its columns, which columns identify a person, how a row becomes a fact, and
 * the writer that appends facts. A new source is one of these plus its migration.
 *
 * @param name              short name used in bean, step and configuration names (e.g. veiligthuis)
 * @param folder            sub folder of the input folder (e.g. veiligthuis, opvang/verblijven)
 * @param identifierColumns columns holding client identifiers: pseudonymised, masked in rejects
 * @param opener            how one delivered file is opened as rows (default: a plain table with a header row)
 */
public record SourceDefinition<T>(
        String name,
        String folder,
        SourceColumns columns,
        Set<String> identifierColumns,
        Function<RowValidator, Validated<T>> mapper,
        FactWriter<T> writer,
        SourceFileOpener opener) {

    /** A source whose exports are plain tables with a header row ({@link SourceFileOpener#TABULAR}). */
    public SourceDefinition(String name, String folder, SourceColumns columns, Set<String> identifierColumns,
                            Function<RowValidator, Validated<T>> mapper, FactWriter<T> writer) {
        this(name, folder, columns, identifierColumns, mapper, writer, SourceFileOpener.TABULAR);
    }
}
