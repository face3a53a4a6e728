package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import org.duckdb.DuckDBAppender;

/**
 * Writes a chunk of finance lines with DuckDB's Appender in one transaction: every loaded line to
 * core.budget_source_line (what the audit counts: one row per line read), the amounts of detail
 * lines to core.fct_budget, those of reported totals and saldo lines (and Iv3 'Nederland' rows)
 * to core.fct_budget_total, and rejections to audit.rejected_row. Like {@link FactWriter}, a chunk
 * is one transaction and is never written twice (a failed run's build is discarded whole).
 */
class BudgetWriter extends FactWriter<BudgetLine> {

    BudgetWriter(DataSource warehouse) {
        super(warehouse, BUDGET_SOURCE_LINE, FCT_BUDGET, FCT_BUDGET_TOTAL);
    }

    @Override
    protected void appendColumns(DuckDBAppender a, BudgetLine line) throws SQLException {
        a.append(line.layout()).append(line.role());
        appendNullable(a, line.label());
        a.append(line.amounts().size());
    }

    /** The source line, then one row per amount: detail lines in core.fct_budget, totals and saldo lines in core.fct_budget_total. */
    @Override
    protected void appendFacts(Appenders appenders, long fileId, int rowNumber, BudgetLine line) throws SQLException {
        appendFacts(appenders.of(BUDGET_SOURCE_LINE), fileId, rowNumber, line);
        for (BudgetLine.Amount amount : line.amounts()) {
            if ("detail".equals(line.role())) {
                appendDetail(appenders.of(FCT_BUDGET), fileId, rowNumber, line, amount);
            } else {
                appendTotal(appenders.of(FCT_BUDGET_TOTAL), fileId, rowNumber, line, amount);
            }
        }
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
