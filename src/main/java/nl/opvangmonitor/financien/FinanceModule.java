package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;

import java.util.List;
import nl.opvangmonitor.common.load.SourceModule;
import nl.opvangmonitor.common.load.StagedSource;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Financiën as a source module: the folder {@code financien/} (loaded row by row by the
 * {@code financienSource} of {@link FinanceJobConfig} until it is staged set-based), the three tables
 * its files fill, the reconciliation after the load and its lines in the run summary. No microdata.
 */
public class FinanceModule implements SourceModule {

    @Override
    public String name() {
        return "financien";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of();
    }

    @Override
    public List<Folder> folders() {
        return List.of(new Folder("financien", "financien", FinanceColumns.LONG));
    }

    @Override
    public List<Table<?>> factTables() {
        return List.of(BUDGET_SOURCE_LINE, FCT_BUDGET, FCT_BUDGET_TOTAL);
    }

    @Override
    public void derive(DSLContext dsl) {
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
