package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.DIM_FACILITY;
import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.core.Tables.V_FACILITY_HISTORY;
import static org.jooq.impl.DSL.select;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.opvangmonitor.ingest.ScanScope;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Rebuilds the type-2 facility dimension from the delivered stays (core.v_facility_history) and
 * points every stay and refusal at the facility version valid on its date (a night's version is joined by its
 * facility and date where it is needed: V097).
 */
final class FacilityHistory {

    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private FacilityHistory() {
    }

    /**
     * In a full run the dimension is rebuilt; in an incremental one it is rebuilt only when a version
     * changed (and the years of its period recomputed), otherwise only the rows this run added get theirs.
     */
    static void refresh(DSLContext dsl, ScanScope.Scope scope) {
        if (scope.full()) {
            rebuild(dsl, V_FACILITY_HISTORY);
            return;
        }
        // the view reads every stay: evaluated once, then compared with what is stored
        Table<?> history = DSL.table(DSL.name("facility_history"));
        dsl.execute("CREATE OR REPLACE TEMP TABLE {0} AS {1}", history, dsl.selectFrom(V_FACILITY_HISTORY));
        try {
            List<Field<?>> content = List.of(DIM_FACILITY.VOORZIENING, DIM_FACILITY.VOORZIENINGSTYPE, DIM_FACILITY.AANBIEDER,
                    DIM_FACILITY.VALID_FROM, DIM_FACILITY.VALID_TO, DIM_FACILITY.IS_CURRENT);
            List<Field<?>> key = List.of(DIM_FACILITY.FACILITY_KEY, DIM_FACILITY.VOORZIENING, DIM_FACILITY.VALID_FROM);
            var changed = select(unqualified(content)).from(history).except(select(content).from(DIM_FACILITY))
                    .unionAll(select(content).from(DIM_FACILITY).except(select(unqualified(content)).from(history)));
            boolean keysMoved = dsl.fetchExists(select(unqualified(key)).from(history).except(select(key).from(DIM_FACILITY)));
            if (!keysMoved && !dsl.fetchExists(changed)) {
                // the same versions under the same keys: only the rows this run added need theirs
                assignVersions(dsl, true, List.of());
                return;
            }
            // a version that changed re-dates the nights and refusals of its period: their years are recomputed
            var periods = changed.asTable("changed");
            ScanScope.recordYears(dsl, scope.runId(), select(periods.field(DIM_FACILITY.VALID_FROM).as("first_date"),
                    periods.field(DIM_FACILITY.VALID_TO).as("last_date")).from(periods));
            rebuild(dsl, history);
        } finally {
            dsl.dropTableIfExists(history).execute();
        }
    }

    private static void rebuild(DSLContext dsl, Table<?> history) {
        List<String> before = dsl.selectDistinct(DIM_FACILITY.VOORZIENING).from(DIM_FACILITY).fetch(DIM_FACILITY.VOORZIENING);
        dsl.deleteFrom(DIM_FACILITY).execute();
        dsl.insertInto(DIM_FACILITY).select(dsl.select(DSL.asterisk()).from(history)).execute();
        Set<String> vanished = new HashSet<>(before);
        vanished.removeAll(dsl.selectDistinct(DIM_FACILITY.VOORZIENING).from(DIM_FACILITY).fetch(DIM_FACILITY.VOORZIENING));
        assignVersions(dsl, false, vanished);
    }

    private static List<Field<?>> unqualified(List<Field<?>> fields) {
        return fields.stream().<Field<?>>map(f -> DSL.field(DSL.name(f.getName()), f.getDataType())).toList();
    }

    /** Points every stay and refusal (or only those without one yet) at the facility version valid on its date. */
    private static void assignVersions(DSLContext dsl, boolean onlyUnassigned, Collection<String> vanished) {
        assign(dsl, FCT_VERBLIJF.FACILITY_KEY, FCT_VERBLIJF.VOORZIENING, FCT_VERBLIJF.START_DATE, onlyUnassigned, vanished);
        assign(dsl, FCT_AFWIJZING.FACILITY_KEY, FCT_AFWIJZING.VOORZIENING, FCT_AFWIJZING.REFUSAL_DATE, onlyUnassigned, vanished);
    }

    /**
     * One join of the facts with the versions. A facility's versions cover every date once (R__61: the first from
     * 1900-01-01, each next from the day after the previous ends, the last open), so a row finds exactly one
     * while its facility has versions. Only rows whose version differs are written (after a rebuild that is
     * usually none: rewriting millions of rows to the key they have costs seconds); the rows of a facility
     * that has no version any more ({@code vanished}) keep none. A join rather than a lookup per row (which took
     * 2.5 s for 10 million nights when they still had one).
     */
    private static void assign(DSLContext dsl, TableField<?, Integer> key, Field<String> voorziening, Field<LocalDate> date,
                               boolean onlyUnassigned, Collection<String> vanished) {
        Table<?> fact = key.getTable();
        dsl.update(fact).set(key, DIM_FACILITY.FACILITY_KEY).from(DIM_FACILITY)
                .where(DIM_FACILITY.VOORZIENING.eq(voorziening),
                        date.between(DIM_FACILITY.VALID_FROM, DSL.coalesce(DIM_FACILITY.VALID_TO, DSL.val(OPEN_END))),
                        onlyUnassigned ? key.isNull() : key.isDistinctFrom(DIM_FACILITY.FACILITY_KEY))
                .execute();
        if (!vanished.isEmpty()) {
            dsl.update(fact).setNull(key).where(key.isNotNull(), voorziening.in(vanished)).execute();
        }
    }
}
