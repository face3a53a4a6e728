package nl.opvangmonitor.ingest;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.ingest.read.CsvDialect;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.read.SourceRow;
import nl.opvangmonitor.ingest.read.TabularFile;
import nl.opvangmonitor.privacy.PseudonymFunction;
import nl.opvangmonitor.privacy.Pseudonymizer;
import nl.opvangmonitor.privacy.SafeMessage;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one delivered file into a temporary table {@code stg_<file id>}: one VARCHAR column per
 * canonical column (trimmed, empty = NULL), except client identifiers, already pseudonymised into
 * their fixed-width pseudonym ({@code UHUGEINT}, see {@link Pseudonymizer}).
 * <ul>
 *   <li><b>Native</b>: a UTF-8 CSV whose header is its first line is read by DuckDB's
 *       {@code read_csv} (both cores, no Java objects per row) and pseudonymised in the same scan by
 *       {@code opvang_pseudonym}. It is accepted only when every record is exactly one line (the
 *       record count equals the file's content lines), so a record's position is its line number.</li>
 *   <li><b>Streaming</b>: anything else (XLSX, Windows-1252, title rows, blank lines, notes under the
 *       data, fields over several lines, rows DuckDB's strict reader refuses) is read by
 *       {@link TabularFile} on a thread of its own ({@link ReadAhead}) and appended by this one with the
 *       identifiers pseudonymised in Java.</li>
 * </ul>
 * DuckDB's own error messages quote the offending line, which may hold an identifier: they are never
 * logged or stored; a refused file simply takes the streaming path, which reports per row.
 */
final class Staging {

    private static final Logger log = LoggerFactory.getLogger(Staging.class);
    private static final String TRIMMED = " \t\r\n\f\u000b";

    private static final String FILLED = "filled_cells";

    private Staging() {
    }

    /**
     * @param trimPerValue columns the rules convert per distinct value: a file read natively leaves them as delivered, and
     *                     the rules trim each distinct value once instead of every cell ({@link StagedTable#untrimmed})
     */
    static StagedTable stage(Connection connection, Path file, long fileId, SourceColumns columns, Set<String> identifiers,
                        Set<String> trimPerValue, Fingerprint fingerprint, Pseudonymizer pseudonymizer) throws FileRejectedException, SQLException {
        Name table = name(Stager.tableName(fileId));
        DSLContext dsl = DSL.using(connection, SQLDialect.DUCKDB);
        TabularFile tabular = TabularFile.open(file, fileId, columns);
        try {
            CsvDialect dialect = tabular.csvDialect().orElse(null);
            if (dialect != null && dialect.charset().equals(StandardCharsets.UTF_8) && tabular.headerRowNumber() == 1) {
                StagedTable staged = readNatively(connection, dsl, table, file, dialect, tabular, columns, identifiers, trimPerValue,
                        fingerprint, pseudonymizer);
                if (staged != null) {
                    return staged;
                }
            }
            return stream(connection, dsl, table, tabular, columns, identifiers, pseudonymizer);
        } finally {
            try {
                tabular.close();
            } catch (IOException e) {
                log.warn("closing file {}: {}", fileId, SafeMessage.of(e));
            }
        }
    }

    /**
     * The cell without surrounding white space, empty as NULL. A cell that starts and ends with a
     * visible character (the common case) is taken as it is: all trimmed characters are below 33.
     */
    static Field<String> trimmed(Field<String> cell) {
        return DSL.when(DSL.field("ascii({0}) > 32 AND ascii({0}[-1]) > 32", Boolean.class, cell), cell).otherwise(trimmedSlowly(cell));
    }

    private static Field<String> trimmedSlowly(Field<String> cell) {
        return DSL.field("nullif(trim({0}, {1}), '')", SQLDataType.VARCHAR, cell, inline(TRIMMED));
    }

    /**
     * For a cell kept as delivered: NULL when it is empty or white space only (as {@link #trimmed} would make
     * it), else a non-NULL marker; a cell that starts with a visible character is not trimmed to find out.
     */
    private static Field<String> filled(Field<String> cell) {
        return DSL.when(DSL.field("ascii({0}) > 32", Boolean.class, cell), inline("x")).otherwise(trimmedSlowly(cell));
    }

    /**
     * Drops a temporary table of a file. After a failed statement the connection may be closed (DuckDB's
     * JDBC driver does that), and its temporary tables are gone with it: the original failure is the one to report.
     */
    static void drop(Connection connection, Name table) {
        try {
            DSL.using(connection, SQLDialect.DUCKDB).dropTableIfExists(table).execute();
        } catch (org.jooq.exception.DataAccessException e) {
            log.debug("dropping {}: {}", table, SafeMessage.of(e));
        }
    }

    private static StagedTable readNatively(Connection connection, DSLContext dsl, Name table, Path file, CsvDialect dialect,
                                       TabularFile tabular, SourceColumns columns, Set<String> identifiers, Set<String> trimPerValue,
                                       Fingerprint fingerprint, Pseudonymizer pseudonymizer) throws SQLException {
        PseudonymFunction.ensureRegistered(connection, pseudonymizer);
        Map<String, Integer> cellOf = tabular.cellOfColumn();
        // inner: every cell kept as text trimmed once (trimming a set of characters is slow; most cells need none), except
        // the cells the rules convert per value, which stay as delivered (u: trimming every cell is a large part of a
        // scan); identifiers pseudonymised from the raw cell (the function gets the raw column: DuckDB hands an
        // expression's result to Java far more slowly; it treats a blank value as empty itself). Of a cell that is not
        // kept as trimmed text (converted per value, an identifier, an ignored column) only whether it is filled counts
        Set<Integer> asDelivered = new HashSet<>();
        Set<String> untrimmed = new LinkedHashSet<>();
        for (String column : trimPerValue) {
            if (cellOf.containsKey(column) && !identifiers.contains(column)) {
                asDelivered.add(cellOf.get(column));
                untrimmed.add(column);
            }
        }
        Set<Integer> keptTrimmed = new HashSet<>();
        cellOf.forEach((column, cell) -> {
            if (columns.all().contains(column) && !identifiers.contains(column) && !asDelivered.contains(cell)) {
                keptTrimmed.add(cell);
            }
        });
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < tabular.headerWidth(); c++) {
            Field<String> cell = DSL.field(name("c" + c), SQLDataType.VARCHAR);
            cells.add(dsl.renderInlined(keptTrimmed.contains(c) ? trimmed(cell) : filled(cell)) + " AS t" + c);
            if (asDelivered.contains(c)) {
                cells.add("c" + c + " AS u" + c);
            }
        }
        List<String> select = new ArrayList<>();
        for (String column : columns.all()) {
            Integer cell = cellOf.get(column);
            String value;
            if (cell == null) {
                value = "CAST(NULL AS " + (identifiers.contains(column) ? Pseudonymizer.SQL_TYPE : "VARCHAR") + ")";
            } else if (asDelivered.contains(cell)) {
                value = "u" + cell;
            } else if (identifiers.contains(column)) {
                cells.add(dsl.renderInlined(DSL.function(PseudonymFunction.NAME, SQLDataType.VARCHAR, DSL.field(name("c" + cell))))
                        + " AS p" + cell);
                value = "p" + cell;
            } else {
                value = "t" + cell;
            }
            select.add(value + " AS " + dsl.render(name(column)));
        }
        List<String> filled = new ArrayList<>();
        for (int c = 0; c < tabular.headerWidth(); c++) {
            filled.add("CAST(t" + c + " IS NOT NULL AS INTEGER)");
        }
        select.add(String.join(" + ", filled) + " AS " + FILLED);
        StringBuilder types = new StringBuilder("{");
        for (int c = 0; c < tabular.headerWidth(); c++) {
            types.append(c == 0 ? "" : ", ").append("'c").append(c).append("': 'VARCHAR'");
        }
        types.append('}');
        String delimiter = dialect.delimiter() == '\t' ? "\t" : String.valueOf(dialect.delimiter());
        // written as text: jOOQ's plain SQL templates read the braces of DuckDB's struct literal as placeholders
        String sql = "CREATE TEMP TABLE " + dsl.render(table) + " AS SELECT " + String.join(", ", select)
                + " FROM (SELECT " + String.join(", ", cells) + " FROM read_csv(" + dsl.renderInlined(inline(file.toAbsolutePath().toString()))
                + ", header = true, auto_detect = false, skip = 0, delim = " + dsl.renderInlined(inline(delimiter))
                + ", quote = '\"', escape = '\"', strict_mode = true, columns = " + types + "))";
        try (Statement statement = connection.createStatement()) {
            // a record's row number is its place in the table (rowid): DuckDB keeps the file's order because
            // preserve_insertion_order is on, its default. That setting is the whole database's, not this connection's:
            // turning it off for any statement of the load would reach the files staging beside it
            statement.execute(sql);
        } catch (SQLException e) {
            // the message quotes the offending line, which may hold an identifier: never shown
            log.info("file {}: not a strict CSV for DuckDB's reader; read by the streaming reader instead", file.getFileName());
            drop(connection, table);
            return null;
        }
        // one scan: records, rows with a single filled cell, rows with any
        Field<Integer> filledCells = DSL.field(name(FILLED), SQLDataType.INTEGER);
        var counts = dsl.select(DSL.count(), DSL.count().filterWhere(filledCells.eq(1)), DSL.count().filterWhere(filledCells.gt(0)))
                .from(DSL.table(table)).fetchOne();
        long records = counts.value1();
        if (records != fingerprint.contentLines() - 1) {
            log.info("file {}: {} records on {} lines (blank lines or fields over several lines); read by the streaming reader "
                    + "so that every row keeps its line number", file.getFileName(), records, fingerprint.contentLines());
            drop(connection, table);
            return null;
        }
        if (counts.value2() > 0) {
            log.info("file {}: rows with a single filled cell (notes under the data?); read by the streaming reader", file.getFileName());
            drop(connection, table);
            return null;
        }
        // rows of empty cells only (Excel writes ",,,,") are not data; they keep their place so that line numbers hold
        long rows = counts.value3();
        Field<Integer> rowNumber = DSL.field("{0} + 2", SQLDataType.INTEGER, DSL.field(name(StagedRows.ALIAS, "rowid"), SQLDataType.BIGINT));
        Condition dataRow = DSL.field(name(StagedRows.ALIAS, FILLED), SQLDataType.INTEGER).gt(0);
        return new StagedTable(table, columns.all(), rowNumber, dataRow, rows, tabular.ignoredColumns(), 0, true, untrimmed);
    }

    private static StagedTable stream(Connection connection, DSLContext dsl, Name table, TabularFile tabular, SourceColumns columns,
                                 Set<String> identifiers, Pseudonymizer pseudonymizer) throws SQLException, FileRejectedException {
        List<String> all = columns.all();
        var create = dsl.createTemporaryTable(table).column("row_number", SQLDataType.INTEGER.notNull());
        for (String column : all) {
            create = create.column(column, identifiers.contains(column) ? DefaultDataType.getDefaultDataType(Pseudonymizer.SQL_TYPE) : SQLDataType.VARCHAR);
        }
        create.execute();
        boolean[] identifier = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            identifier[i] = identifiers.contains(all.get(i));
        }
        long rows = 0;
        // the file is read on a second thread while this one appends (ReadAhead): a workbook's XML parse is the larger half
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", table.last());
             ReadAhead rowsAhead = new ReadAhead(tabular, "staging " + table.last())) {
            List<SourceRow> batch;
            while ((batch = rowsAhead.next()) != null) {
                for (SourceRow row : batch) {
                    appender.beginRow().append(row.rowNumber());
                    for (int i = 0; i < identifier.length; i++) {
                        String value = row.get(i);
                        if (value == null) {
                            appender.appendNull();
                        } else if (identifier[i]) {
                            Pseudonymizer.Halves pseudonym = pseudonymizer.halves(value);
                            appender.appendHugeInt(pseudonym.low(), pseudonym.high());
                        } else {
                            appender.append(value);
                        }
                    }
                    appender.endRow();
                }
                rows += batch.size();
            }
            appender.flush();
        } catch (IOException e) {
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
        Field<Integer> rowNumber = DSL.field(name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER);
        return new StagedTable(table, all, rowNumber, DSL.trueCondition(), rows, tabular.ignoredColumns(), tabular.noteRowsSkipped(), false, Set.of());
    }
}
