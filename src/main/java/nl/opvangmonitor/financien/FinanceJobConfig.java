package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;

import java.util.Set;
import nl.opvangmonitor.common.load.StagedSource;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Financiën: reads every file in {@code <input>/financien/}, of three layouts told apart by their
 * header ({@link FinanceStager}): the long layout, council tables copied with one column per
 * version and year (wide), and CBS Iv3 taakveld totals. Set-based like every source: the stager hands
 * typed budget lines to a staging table, {@link FinanceRules} check and write them into
 * core.budget_source_line (a row per line: what counts as loaded), core.fct_budget (detail amounts)
 * and core.fct_budget_total (reported totals, saldo lines, Iv3 'Nederland' rows); after the load
 * {@link BudgetReconciliation} reconciles reported totals with their parts (audit.budget_reconciliation).
 * Analysts read mart.budget_line, mart.budget_summary, mart.budget_variance and mart.budget_reported_total.
 */
@Configuration
public class FinanceJobConfig {

    @Bean
    @Order(60)
    public StagedSource financienSource(BudgetReference financeReference, DSLContext dsl) {
        return new StagedSource("financien", "financien", FinanceColumns.LONG, Set.of(), BUDGET_SOURCE_LINE, FinanceRules::facts, null,
                new FinanceStager(financeReference, dsl));
    }
}
