package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;

import java.util.List;
import java.util.Set;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.Facts;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedRows;
import nl.opvangmonitor.ingest.StagedSource;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Streefwaarden (targets): reads {@code <input>/streefwaarden/} (indicator, gemeente, jaar,
 * streefwaarde, bron, publicatiedatum) into core.fct_target; mart.indicator_yearly compares
 * every value with the most recently published target for its indicator, area and year. No microdata.
 */
public class StreefwaardenModule implements SourceModule {

    static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("indicator", "gemeente", "jaar", "streefwaarde"),
            List.of("bron", "publicatiedatum"));

    @Override
    public String name() {
        return "streefwaarden";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of(new StagedSource("streefwaarden", "streefwaarden", COLUMNS, Set.of(), FCT_TARGET, StreefwaardenModule::targets));
    }

    /**
     * The columns of core.fct_target, each by name: a known indicator, a known municipality or region,
     * a year and a target in council notation.
     */
    static Facts targets(StagedRows r) {
        Field<String> indicator = r.requiredText("indicator");
        Field<Boolean> higherIsBetter = r.higherIsBetter("indicator");
        r.reject(indicator.isNotNull().and(higherIsBetter.isNull()), "indicator", indicator,
                "unknown indicator: not in the indicator catalog (core.dim_indicator)");
        Field<String> area = r.area("gemeente");
        Field<Integer> year = r.year("jaar");
        Field<String> text = r.requiredText("streefwaarde");
        StagedRows.Target target = r.target("streefwaarde", higherIsBetter, DSL.trueCondition());
        return new Facts()
                .set(FCT_TARGET.INDICATOR_CODE, r.indicatorCode("indicator"))
                .set(FCT_TARGET.AREA_CODE, area)
                .set(FCT_TARGET.YEAR, year)
                .set(FCT_TARGET.TARGET_TEXT, text)
                .set(FCT_TARGET.TARGET_OPERATOR, target.operator())
                .set(FCT_TARGET.TARGET_VALUE, target.value())
                .set(FCT_TARGET.TARGET_VALUE_UPPER, target.upper())
                .set(FCT_TARGET.SOURCE_DOCUMENT, r.text("bron"))
                .set(FCT_TARGET.PUBLICATION_DATE, r.date("publicatiedatum", false));
    }
}
