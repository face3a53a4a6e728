package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;

import java.util.List;
import java.util.Set;
import nl.opvangmonitor.ingest.ScanScope;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Financiën: reads every file in {@code <input>/financien/}, of three layouts told apart by their
 * header ({@link FinanceStager}): the long layout, council tables copied with one column per
 * version and year (wide), and CBS Iv3 taakveld totals. Set-based like every source: the stager hands
 * typed budget lines to a staging table, {@link FinanceRules} check and write them into
 * core.budget_source_line (a row per line: what counts as loaded), core.fct_budget (detail amounts)
 * and core.fct_budget_total (reported totals, saldo lines, Iv3 'Nederland' rows); after the load
 * {@link BudgetReconciliation} reconciles reported totals with their parts (audit.budget_reconciliation).
 * Analysts read mart.budget_line, mart.budget_summary, mart.budget_variance and mart.budget_reported_total.
 * No microdata.
 */
public class FinanceModule implements SourceModule {

    @Override
    public String name() {
        return "financien";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of(new StagedSource("financien", "financien", FinanceColumns.LONG, Set.of(), BUDGET_SOURCE_LINE, FinanceRules::facts, null,
                (connection, file, fileId, columns) -> {
                    DSLContext dsl = DSL.using(connection, SQLDialect.DUCKDB);
                    return new FinanceStager(new BudgetReference(dsl), dsl).stage(connection, file, fileId, columns);
                }));
    }

    @Override
    public List<Table<?>> factTables() {
        return List.of(BUDGET_SOURCE_LINE, FCT_BUDGET, FCT_BUDGET_TOTAL);
    }

    @Override
    public void derive(DSLContext dsl, ScanScope.Scope scope) {
        BudgetReconciliation.refresh(dsl);
    }

    @Override
    public List<String> fileNotes(DSLContext dsl, long fileId) {
        return new FinanceLoadSummary(dsl, new BudgetReference(dsl)).fileNotes(fileId);
    }

    @Override
    public List<String> runNotes(DSLContext dsl, long runId) {
        return new FinanceLoadSummary(dsl, new BudgetReference(dsl)).runNotes(runId);
    }
}
