package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;

import java.util.List;
import java.util.Set;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.load.StagedRows;
import nl.opvangmonitor.common.load.StagedSource;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Streefwaarden (targets): reads {@code <input>/streefwaarden/} (indicator, gemeente, jaar,
 * streefwaarde, bron, publicatiedatum) into core.fct_target; mart.indicator_yearly compares
 * every value with the most recently published target for its indicator, area and year.
 */
@Configuration
public class StreefwaardenJobConfig {

    public static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("indicator", "gemeente", "jaar", "streefwaarde"),
            List.of("bron", "publicatiedatum"));

    @Bean
    @Order(90)
    public StagedSource streefwaardenSource() {
        return new StagedSource("streefwaarden", "streefwaarden", COLUMNS, Set.of(), FCT_TARGET, StreefwaardenJobConfig::targets);
    }

    /**
     * The columns of core.fct_target after (file_id, row_number): a known indicator, a known
     * municipality or region, a year and a target in council notation.
     */
    static List<Field<?>> targets(StagedRows r) {
        Field<String> indicator = r.requiredText("indicator");
        Field<Boolean> higherIsBetter = r.higherIsBetter("indicator");
        r.reject(indicator.isNotNull().and(higherIsBetter.isNull()), "indicator", indicator,
                "unknown indicator: not in the indicator catalog (core.dim_indicator)");
        Field<String> area = r.area("gemeente");
        Field<Integer> year = r.year("jaar");
        Field<String> text = r.requiredText("streefwaarde");
        StagedRows.Target target = r.target("streefwaarde", higherIsBetter, DSL.trueCondition());
        return List.of(r.indicatorCode("indicator"), area, year, text, target.operator(), target.value(), target.upper(),
                r.text("bron"), r.date("publicatiedatum", false));
    }
}
