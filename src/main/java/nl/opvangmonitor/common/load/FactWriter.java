package nl.opvangmonitor.common.load;

import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of validated rows in bulk with DuckDB's Appender: facts into the source's fact
 * table, rejections into audit.rejected_row. Every fact table starts with (file_id, row_number).
 * A chunk is one DuckDB transaction. A chunk is never written twice: a failed or interrupted run's
 * build is discarded whole and the next load starts again from the published warehouse.
 */
public abstract class FactWriter<T> implements ItemWriter<Validated<T>> {

    private final DataSource warehouse;
    private final Table<?> table;
    private final List<Table<?>> moreTables;

    /**
     * @param table      the fact table every source row goes to
     * @param moreTables tables some source rows add further rows to (each starting with file_id, row_number),
     *                   written in the same transaction; override {@link #appendFacts(Appenders, long, int, Object)}
     */
    protected FactWriter(DataSource warehouse, Table<?> table, Table<?>... moreTables) {
        this.moreTables = List.of(moreTables);
        this.warehouse = warehouse;
        this.table = table;
    }

    /** Appends the columns after file_id and row_number, in table order. */
    protected abstract void appendColumns(DuckDBAppender appender, T fact) throws SQLException;

    /**
     * Appends the fact rows of one source row: by default one row (file_id, row_number, then
     * {@link #appendColumns}). A source whose rows hold several facts (a wide table with one column
     * per year) overrides this and appends one table row per fact.
     */
    protected void appendFacts(DuckDBAppender appender, long fileId, int rowNumber, T fact) throws SQLException {
        appender.beginRow().append(fileId).append(rowNumber);
        appendColumns(appender, fact);
        appender.endRow();
    }

    /** The appenders of one chunk, by table. */
    protected record Appenders(Map<Table<?>, DuckDBAppender> byTable) {
        public DuckDBAppender of(Table<?> table) {
            return byTable.get(table);
        }
    }

    /** Appends everything one source row adds; by default its one row in the fact table. */
    protected void appendFacts(Appenders appenders, long fileId, int rowNumber, T fact) throws SQLException {
        appendFacts(appenders.of(table), fileId, rowNumber, fact);
    }

    /** Every table this writer fills, each with a file_id column: a superseded delivery is deleted from all. */
    public List<Table<?>> tables() {
        List<Table<?>> all = new ArrayList<>();
        all.add(table);
        all.addAll(moreTables);
        return all;
    }

    public Table<?> table() {
        return table;
    }

    @Override
    public void write(Chunk<? extends Validated<T>> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        writeChunk(chunk);
    }

    private void writeChunk(Chunk<? extends Validated<T>> chunk) throws Exception {
        long fileId = chunk.getItems().getFirst().fileId();
        try (Connection connection = warehouse.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the Appender joins the transaction only once a statement ran in it
                DSL.using(connection, SQLDialect.DUCKDB).selectOne().fetch();
                DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
                Map<Table<?>, DuckDBAppender> open = new LinkedHashMap<>();
                try {
                    for (Table<?> t : tables()) {
                        open.put(t, duck.createAppender(t.getSchema().getName(), t.getName()));
                    }
                    DuckDBAppender rejects = duck.createAppender(REJECTED_ROW.getSchema().getName(), REJECTED_ROW.getName());
                    open.put(REJECTED_ROW, rejects);
                    Appenders appenders = new Appenders(open);
                    for (Validated<T> item : chunk) {
                        if (item.isRejected()) {
                            for (Rejection r : item.rejections()) {
                                rejects.beginRow().append(fileId).append(item.rowNumber()).append(r.column());
                                appendNullable(rejects, r.value());
                                rejects.append(r.reason()).endRow();
                            }
                        } else {
                            appendFacts(appenders, fileId, item.rowNumber(), item.value());
                        }
                    }
                    // close() would drop rows a constraint refuses without a word; flush() reports them
                    for (DuckDBAppender a : open.values()) {
                        a.flush();
                    }
                } finally {
                    for (DuckDBAppender a : open.values()) {
                        a.close();
                    }
                }
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    protected static void appendNullable(DuckDBAppender a, String v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    protected static void appendNullable(DuckDBAppender a, Integer v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.intValue());
        }
    }

    protected static void appendNullable(DuckDBAppender a, Boolean v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.booleanValue());
        }
    }

    protected static void appendNullable(DuckDBAppender a, BigDecimal v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    protected static void appendNullable(DuckDBAppender a, LocalDate v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }
}
