package nl.opvangmonitor.ingest;

import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;

/**
 * A delivered file brought into a temporary table for the rules of its source.
 *
 * @param table          the temporary table
 * @param columns        its columns the rules read (by name)
 * @param rowNumber      the row number in the delivered file of each staged row (several staged rows may share one)
 * @param dataRow        which staged rows are data (the others keep their place so that row numbers hold)
 * @param rows           rows read from the file: what the audit counts as read
 * @param ignoredColumns columns of the file that no rule reads
 * @param noteRows       note rows under the data that were skipped
 * @param nativeCsv      whether DuckDB read the file itself
 * @param untrimmed      columns staged as delivered (not trimmed): the rules trim them once per distinct value
 */
public record StagedTable(Name table, List<String> columns, Field<Integer> rowNumber, Condition dataRow, long rows,
                          List<String> ignoredColumns, int noteRows, boolean nativeCsv, Set<String> untrimmed) {
}
