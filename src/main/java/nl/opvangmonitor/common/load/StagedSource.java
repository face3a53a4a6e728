package nl.opvangmonitor.common.load;

import java.util.Set;
import java.util.function.Function;
import nl.opvangmonitor.common.io.SourceColumns;
import org.jooq.Table;

/**
 * A source loaded set-based: each delivered file is staged in a temporary DuckDB table (a CSV
 * natively by DuckDB's {@code read_csv}, anything else through the streaming readers), and its
 * {@code rules} turn the staged text into the fact table's columns in SQL, rejecting rows with
 * their reasons. A {@link SourceModule} declares one per folder it loads (README: Adding a source).
 *
 * @param name              short name used in step names (e.g. veiligthuis)
 * @param folder            sub folder of the input folder (e.g. veiligthuis, opvang/verblijven)
 * @param identifierColumns columns holding client identifiers: pseudonymised while staging, masked in rejects
 * @param factTable         the fact table; it starts with (file_id, row_number)
 * @param rules             the values of the fact table's columns, each keyed by its generated column ({@link Facts}),
 *                          written with the accessors of {@link StagedRows}
 * @param key               the natural key (a column of the export and of the fact table, e.g. melding_id), or
 *                          null: a file repeating a key rejects the repeats, and a newer delivery's row
 *                          replaces the row of the same key an older delivery loaded
 */
public record StagedSource(
        String name,
        String folder,
        SourceColumns columns,
        Set<String> identifierColumns,
        Table<?> factTable,
        Function<StagedRows, Facts> rules,
        String key) {

    /** A source without a natural key (one row per night, per refusal): every delivered row counts. */
    public StagedSource(String name, String folder, SourceColumns columns, Set<String> identifierColumns, Table<?> factTable,
                        Function<StagedRows, Facts> rules) {
        this(name, folder, columns, identifierColumns, factTable, rules, null);
    }

    public StagedSource withColumns(SourceColumns configured) {
        return new StagedSource(name, folder, configured, identifierColumns, factTable, rules, key);
    }
}
