package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import nl.opvangmonitor.common.load.LoadMetrics;
import nl.opvangmonitor.common.load.Rejection;
import nl.opvangmonitor.common.load.Validated;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Writes a chunk of finance lines with DuckDB's Appender in one transaction: every loaded line to
 * core.budget_source_line (what the audit counts: one row per line read), the amounts of detail
 * lines to core.fct_budget, those of reported totals and saldo lines (and Iv3 'Nederland' rows)
 * to core.fct_budget_total, and rejections to audit.rejected_row. Like {@link FactWriter}, a chunk
 * is one transaction and is never written twice (a failed run's build is discarded whole).
 */
class BudgetWriter extends FactWriter<BudgetLine> {

    private final DataSource warehouse;

    BudgetWriter(DataSource warehouse) {
        super(warehouse, BUDGET_SOURCE_LINE, BUDGET_SOURCE_LINE.FILE_ID);
        this.warehouse = warehouse;
    }

    @Override
    protected void appendColumns(DuckDBAppender a, BudgetLine line) throws SQLException {
        a.append(line.layout()).append(line.role());
        appendNullable(a, line.label());
        a.append(line.amounts().size());
    }

    @Override
    public void write(Chunk<? extends Validated<BudgetLine>> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            writeChunk(chunk);
        } finally {
            LoadMetrics.WRITE_NANOS.addAndGet(System.nanoTime() - started);
        }
    }

    private void writeChunk(Chunk<? extends Validated<BudgetLine>> chunk) throws Exception {
        long fileId = chunk.getItems().getFirst().fileId();
        try (Connection connection = warehouse.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the Appender joins the transaction only once a statement ran in it
                DSL.using(connection, SQLDialect.DUCKDB).selectOne().fetch();
                DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
                try (DuckDBAppender lines = appender(duck, BUDGET_SOURCE_LINE);
                     DuckDBAppender details = appender(duck, FCT_BUDGET);
                     DuckDBAppender totals = appender(duck, FCT_BUDGET_TOTAL);
                     DuckDBAppender rejects = appender(duck, REJECTED_ROW)) {
                    for (Validated<BudgetLine> item : chunk) {
                        if (item.isRejected()) {
                            for (Rejection r : item.rejections()) {
                                rejects.beginRow().append(fileId).append(item.rowNumber()).append(r.column());
                                appendNullable(rejects, r.value());
                                rejects.append(r.reason()).endRow();
                            }
                            continue;
                        }
                        BudgetLine line = item.value();
                        appendFacts(lines, fileId, item.rowNumber(), line);
                        for (BudgetLine.Amount amount : line.amounts()) {
                            if ("detail".equals(line.role())) {
                                appendDetail(details, fileId, item.rowNumber(), line, amount);
                            } else {
                                appendTotal(totals, fileId, item.rowNumber(), line, amount);
                            }
                        }
                    }
                    // close() of the DuckDB 2.0.0.1 Appender drops rows that fail a constraint without a word; flush() reports it
                    lines.flush();
                    details.flush();
                    totals.flush();
                    rejects.flush();
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

    private static DuckDBAppender appender(DuckDBConnection duck, Table<?> table) throws SQLException {
        return duck.createAppender(table.getSchema().getName(), table.getName());
    }

    /** Columns of core.fct_budget (V022), in table order. */
    private static void appendDetail(DuckDBAppender a, long fileId, int rowNumber, BudgetLine line, BudgetLine.Amount amount)
            throws SQLException {
        a.beginRow().append(fileId).append(rowNumber).append(amount.column()).append(line.source()).append(line.municipalityKey().intValue());
        appendNullable(a, line.programme());
        appendNullable(a, line.taskFieldCode());
        a.append(amount.categoryPath()).append(amount.kind()).append(amount.versionCode()).append(amount.year())
                .append(keur(amount.amount())).append(keur(amount.saldoEffect()));
        appendNullable(a, line.parentRow());
        a.append(line.signInParent()).endRow();
    }

    /** Columns of core.fct_budget_total (V022), in table order. */
    private static void appendTotal(DuckDBAppender a, long fileId, int rowNumber, BudgetLine line, BudgetLine.Amount amount)
            throws SQLException {
        a.beginRow().append(fileId).append(rowNumber).append(amount.column()).append(line.source());
        appendNullable(a, line.municipalityKey());
        appendNullable(a, line.programme());
        appendNullable(a, line.taskFieldCode());
        a.append(amount.categoryPath()).append(amount.kind()).append(line.role()).append(amount.versionCode()).append(amount.year())
                .append(keur(amount.amount())).append(keur(amount.saldoEffect()));
        appendNullable(a, line.parentRow());
        a.append(line.signInParent()).endRow();
    }

    private static BigDecimal keur(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.HALF_UP);
    }
}
