package nl.opvangmonitor.financien;

import java.util.Set;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.SourceDefinition;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Financiën: reads every file in {@code <input>/financien/}, of three layouts told apart by their
 * header ({@link FinanceFileOpener}): the long layout, council tables copied with one column per
 * version and year (wide), and CBS Iv3 taakveld totals. Fills core.budget_source_line,
 * core.fct_budget (detail amounts) and core.fct_budget_total (reported totals, saldo lines, Iv3
 * 'Nederland' rows); after the load {@link BudgetReconciliation} reconciles reported totals with
 * their parts (audit.budget_reconciliation). Analysts read mart.budget_line, mart.budget_summary,
 * mart.budget_variance and mart.budget_reported_total.
 */
@Configuration
public class FinanceJobConfig {

    @Bean
    @Order(60)
    public SourceDefinition<BudgetLine> financienSource(DataSource warehouseDataSource, BudgetReference financeReference, DSLContext dsl) {
        BudgetLineProcessor processor = new BudgetLineProcessor(financeReference);
        return new SourceDefinition<>("financien", "financien", FinanceColumns.LONG, Set.of(), processor::process,
                new BudgetWriter(warehouseDataSource), new FinanceFileOpener(financeReference, dsl));
    }
}
