package nl.opvangmonitor.indicators;

import static nl.opvangmonitor.db.core.Tables.DIM_MUNICIPALITY;
import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.SourceModules;
import nl.opvangmonitor.ingest.ScanScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Recomputes core.fct_indicator_value from the facts, set-based: municipality rows from each
 * source module's {@link IndicatorView}s (after the module's derivations), then region rows as sums of numerators and denominators over
 * the municipalities of each Veilig Thuis region and centrumgemeente region.
 */
@Component
public class IndicatorComputation {

    private static final List<Field<String>> REGION_COLUMNS = List.of(
            DIM_MUNICIPALITY.VT_REGION_CODE, DIM_MUNICIPALITY.MO_BW_REGION_CODE, DIM_MUNICIPALITY.VO_REGION_CODE);

    private static final Logger log = LoggerFactory.getLogger(IndicatorComputation.class);

    private final DSLContext dsl;
    private final List<SourceModule> modules;
    private final Retention retention;

    @Autowired
    public IndicatorComputation(DSLContext dsl, Retention retention) {
        this(dsl, SourceModules.all(), retention);
    }

    IndicatorComputation(DSLContext dsl, List<SourceModule> modules, Retention retention) {
        this.dsl = dsl;
        this.modules = modules;
        this.retention = retention;
    }

    private static void timed(String what, Runnable work) {
        long started = System.nanoTime();
        work.run();
        log.debug("indicator step, {}: {} s", what, seconds(started));
    }

    private static String seconds(long started) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - started) / 1e9);
    }

    /** The view's column by its name alone, as the view's table macro has the same columns. */
    private static <T> Field<T> unqualified(Field<T> column) {
        return DSL.field(column.getUnqualifiedName(), column.getDataType());
    }

    private static Condition inYears(Field<Integer> year, List<Field<Integer>> years) {
        return years == null ? DSL.noCondition() : year.in(years);
    }

    /**
     * Returns the number of values written. A full scope recomputes every value; an incremental one only
     * the (indicator, area, year) groups of the years the run affected ({@link ScanScope#affectedYears}),
     * which gives the same values: every indicator counts a year from the facts of that year alone.
     */
    public int recompute(ScanScope.Scope scope) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            modules.forEach(m -> timed(m.name() + " derivations", () -> m.derive(t, scope)));
            List<Field<Integer>> years = scope.full() ? null : ScanScope.affectedYears(t, scope).stream().<Field<Integer>>map(DSL::inline).toList();
            if (years != null) {
                log.info("indicators: recomputing the years {} (incremental run)", years);
            }
            t.deleteFrom(FCT_INDICATOR_VALUE).where(inYears(FCT_INDICATOR_VALUE.YEAR, years)).execute();
            int rows = 0;
            for (IndicatorView v : modules.stream().flatMap(m -> m.indicatorViews().stream()).toList()) {
                long started = System.nanoTime();
                rows += t.insertInto(FCT_INDICATOR_VALUE, FCT_INDICATOR_VALUE.INDICATOR_CODE, FCT_INDICATOR_VALUE.AREA_TYPE,
                                FCT_INDICATOR_VALUE.AREA_CODE, FCT_INDICATOR_VALUE.YEAR,
                                FCT_INDICATOR_VALUE.NUMERATOR, FCT_INDICATOR_VALUE.DENOMINATOR)
                        .select(t.select(unqualified(v.indicatorCode()), inline("municipality"), unqualified(v.municipalityCode()),
                                        unqualified(v.year()).cast(SQLDataType.INTEGER),
                                        unqualified(v.numerator()).cast(BigDecimal.class), unqualified(v.denominator()).cast(BigDecimal.class))
                                .from(v.source(years)).where(inYears(unqualified(v.year()).cast(SQLDataType.INTEGER), years)))
                        .execute();
                log.debug("indicators from {}: {} s", v.view().getName(), seconds(started));
            }
            for (Field<String> region : REGION_COLUMNS) {
                rows += t.insertInto(FCT_INDICATOR_VALUE, FCT_INDICATOR_VALUE.INDICATOR_CODE, FCT_INDICATOR_VALUE.AREA_TYPE,
                                FCT_INDICATOR_VALUE.AREA_CODE, FCT_INDICATOR_VALUE.YEAR,
                                FCT_INDICATOR_VALUE.NUMERATOR, FCT_INDICATOR_VALUE.DENOMINATOR)
                        .select(t.select(FCT_INDICATOR_VALUE.INDICATOR_CODE, inline("region"), region, FCT_INDICATOR_VALUE.YEAR,
                                        sum(FCT_INDICATOR_VALUE.NUMERATOR), sum(FCT_INDICATOR_VALUE.DENOMINATOR))
                                .from(FCT_INDICATOR_VALUE)
                                .join(DIM_MUNICIPALITY).on(DIM_MUNICIPALITY.MUNICIPALITY_CODE.eq(FCT_INDICATOR_VALUE.AREA_CODE))
                                .where(FCT_INDICATOR_VALUE.AREA_TYPE.eq("municipality"), region.isNotNull(),
                                        inYears(FCT_INDICATOR_VALUE.YEAR, years))
                                .groupBy(FCT_INDICATOR_VALUE.INDICATOR_CODE, region, FCT_INDICATOR_VALUE.YEAR))
                        .execute();
            }
            timed("retention", () -> {
                retention.restoreRetained(t);
                retention.apply(t);
            });
            return rows;
        });
    }
}
