package nl.opvangmonitor.indicators;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.audit.Tables.RETENTION_LOG;
import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE;
import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE_RETAINED;
import static org.jooq.impl.DSL.currentLocalDateTime;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.SourceModules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes microdata older than {@code opvangmonitor.retention-years} (default 15, the Wmo term):
 * the rows each source module declares expired ({@link SourceModule#expired}) on 1 January of (this
 * year - retention years), and the rejected rows of files loaded before then. Before that, the indicator values of
 * those years are kept in core.fct_indicator_value_retained, so the published aggregates stay.
 * Every deletion is logged in audit.retention_log.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final int years;
    private final List<SourceModule> modules;

    @Autowired
    public Retention(@Value("${opvangmonitor.retention-years:15}") int years) {
        this(years, SourceModules.all());
    }

    /** Retention of the microdata the {@code modules} declare (each module's {@link SourceModule#expired}). */
    public Retention(int years, List<SourceModule> modules) {
        this.years = years;
        this.modules = modules;
    }

    public LocalDate cutoff() {
        return LocalDate.of(LocalDate.now().getYear() - years, 1, 1);
    }

    /**
     * Puts back the kept values of years whose microdata is gone (run after recomputing); a kept value
     * wins over one recomputed from a late delivery of an expired year.
     */
    public void restoreRetained(DSLContext dsl) {
        dsl.deleteFrom(FCT_INDICATOR_VALUE).where(exists(selectOne().from(FCT_INDICATOR_VALUE_RETAINED).where(
                FCT_INDICATOR_VALUE_RETAINED.INDICATOR_CODE.eq(FCT_INDICATOR_VALUE.INDICATOR_CODE),
                FCT_INDICATOR_VALUE_RETAINED.AREA_TYPE.eq(FCT_INDICATOR_VALUE.AREA_TYPE),
                FCT_INDICATOR_VALUE_RETAINED.AREA_CODE.eq(FCT_INDICATOR_VALUE.AREA_CODE),
                FCT_INDICATOR_VALUE_RETAINED.YEAR.eq(FCT_INDICATOR_VALUE.YEAR)))).execute();
        dsl.insertInto(FCT_INDICATOR_VALUE, FCT_INDICATOR_VALUE.INDICATOR_CODE, FCT_INDICATOR_VALUE.AREA_TYPE, FCT_INDICATOR_VALUE.AREA_CODE,
                        FCT_INDICATOR_VALUE.YEAR, FCT_INDICATOR_VALUE.NUMERATOR, FCT_INDICATOR_VALUE.DENOMINATOR)
                .select(select(FCT_INDICATOR_VALUE_RETAINED.INDICATOR_CODE, FCT_INDICATOR_VALUE_RETAINED.AREA_TYPE,
                        FCT_INDICATOR_VALUE_RETAINED.AREA_CODE, FCT_INDICATOR_VALUE_RETAINED.YEAR, FCT_INDICATOR_VALUE_RETAINED.NUMERATOR,
                        FCT_INDICATOR_VALUE_RETAINED.DENOMINATOR)
                        .from(FCT_INDICATOR_VALUE_RETAINED))
                .execute();
    }

    /** Keeps the values of the years past retention, then deletes their microdata. */
    public void apply(DSLContext dsl) {
        LocalDate cutoff = cutoff();
        dsl.insertInto(FCT_INDICATOR_VALUE_RETAINED, FCT_INDICATOR_VALUE_RETAINED.INDICATOR_CODE, FCT_INDICATOR_VALUE_RETAINED.AREA_TYPE,
                        FCT_INDICATOR_VALUE_RETAINED.AREA_CODE, FCT_INDICATOR_VALUE_RETAINED.YEAR, FCT_INDICATOR_VALUE_RETAINED.NUMERATOR,
                        FCT_INDICATOR_VALUE_RETAINED.DENOMINATOR, FCT_INDICATOR_VALUE_RETAINED.RETAINED_AT)
                .select(select(FCT_INDICATOR_VALUE.INDICATOR_CODE, FCT_INDICATOR_VALUE.AREA_TYPE, FCT_INDICATOR_VALUE.AREA_CODE,
                        FCT_INDICATOR_VALUE.YEAR, FCT_INDICATOR_VALUE.NUMERATOR, FCT_INDICATOR_VALUE.DENOMINATOR, currentLocalDateTime())
                        .from(FCT_INDICATOR_VALUE)
                        .where(FCT_INDICATOR_VALUE.YEAR.lt(cutoff.getYear()))
                        .and(notExists(selectOne().from(FCT_INDICATOR_VALUE_RETAINED).where(
                                FCT_INDICATOR_VALUE_RETAINED.INDICATOR_CODE.eq(FCT_INDICATOR_VALUE.INDICATOR_CODE),
                                FCT_INDICATOR_VALUE_RETAINED.AREA_TYPE.eq(FCT_INDICATOR_VALUE.AREA_TYPE),
                                FCT_INDICATOR_VALUE_RETAINED.AREA_CODE.eq(FCT_INDICATOR_VALUE.AREA_CODE),
                                FCT_INDICATOR_VALUE_RETAINED.YEAR.eq(FCT_INDICATOR_VALUE.YEAR)))))
                .execute();
        Map<Table<?>, Condition> expired = new LinkedHashMap<>();
        modules.forEach(m -> expired.putAll(m.expired(cutoff)));
        expired.put(REJECTED_ROW, exists(selectOne().from(LOAD_FILE)
                .where(LOAD_FILE.FILE_ID.eq(REJECTED_ROW.FILE_ID), LOAD_FILE.STARTED_AT.cast(org.jooq.impl.SQLDataType.LOCALDATE).lt(cutoff))));
        for (Map.Entry<Table<?>, Condition> e : expired.entrySet()) {
            int deleted = dsl.deleteFrom(e.getKey()).where(e.getValue()).execute();
            if (deleted > 0) {
                dsl.insertInto(RETENTION_LOG, RETENTION_LOG.TABLE_NAME, RETENTION_LOG.CUTOFF_DATE, RETENTION_LOG.ROWS_DELETED, RETENTION_LOG.DELETED_AT)
                        .values(e.getKey().getSchema().getName() + "." + e.getKey().getName(), cutoff, (long) deleted, LocalDateTime.now())
                        .execute();
                log.info("retention: {} rows of {} dated before {} deleted", deleted, e.getKey().getName(), cutoff);
            }
        }
    }
}
