package nl.opvangmonitor.ingest;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.opvangmonitor.ingest.read.SourceColumns;
import org.jooq.Table;

/**
 * A source loaded set-based: each delivered file is staged in a temporary DuckDB table (a CSV
 * natively by DuckDB's {@code read_csv}, anything else through the streaming readers, or by the
 * source's own {@link Stager}), and its {@code rules} turn the staged columns into the rows of its
 * tables in SQL, rejecting rows with their reasons. A {@link SourceModule} declares one per folder it
 * loads (README: Adding a source).
 *
 * @param name              short name used in step names (e.g. veiligthuis)
 * @param folder            sub folder of the input folder (e.g. veiligthuis, opvang/verblijven)
 * @param identifierColumns columns holding client identifiers: pseudonymised while staging, masked in rejects
 * @param factTable         the table whose rows of a file count as its loaded rows; it starts with (file_id, row_number)
 * @param rules             what is written, per table ({@link Facts}: each value keyed by its generated column),
 *                          written with the accessors of {@link StagedRows}
 * @param key               the natural key (a column of the export and of the fact table, e.g. melding_id), or
 *                          null: a file repeating a key rejects the repeats, and a newer delivery's row
 *                          replaces the row of the same key an older delivery loaded
 * @param stager            how a file is staged, or null: one text column per column of a plain table ({@link Staging})
 */
public record StagedSource(
        String name,
        String folder,
        SourceColumns columns,
        Set<String> identifierColumns,
        Table<?> factTable,
        Function<StagedRows, List<Facts>> rules,
        String key,
        Stager stager) {

    /** A plain table whose rules fill its fact table only, with a natural key (or null). */
    public StagedSource(String name, String folder, SourceColumns columns, Set<String> identifierColumns, Table<?> factTable,
                        Function<StagedRows, Facts> rules, String key) {
        this(name, folder, columns, identifierColumns, factTable, r -> List.of(rules.apply(r)), key, null);
    }

    /** A source without a natural key (one row per night, per refusal): every delivered row counts. */
    public StagedSource(String name, String folder, SourceColumns columns, Set<String> identifierColumns, Table<?> factTable,
                        Function<StagedRows, Facts> rules) {
        this(name, folder, columns, identifierColumns, factTable, rules, null);
    }

    public StagedSource withColumns(SourceColumns configured) {
        return new StagedSource(name, folder, configured, identifierColumns, factTable, rules, key, stager);
    }
}
