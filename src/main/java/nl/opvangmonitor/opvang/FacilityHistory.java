package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.DIM_FACILITY;
import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.core.Tables.V_FACILITY_HISTORY;
import static org.jooq.impl.DSL.select;

import java.time.LocalDate;
import java.util.List;
import nl.opvangmonitor.ingest.ScanScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Rebuilds the type-2 facility dimension from the delivered stays (core.v_facility_history) and
 * points every stay, night and refusal at the facility version valid on its date.
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
                assignVersions(dsl, true);
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
        dsl.deleteFrom(DIM_FACILITY).execute();
        dsl.insertInto(DIM_FACILITY).select(dsl.select(DSL.asterisk()).from(history)).execute();
        assignVersions(dsl, false);
    }

    private static List<Field<?>> unqualified(List<Field<?>> fields) {
        return fields.stream().<Field<?>>map(f -> DSL.field(DSL.name(f.getName()), f.getDataType())).toList();
    }

    /** Points every stay, night and refusal (or only those without one yet) at the facility version valid on its date. */
    private static void assignVersions(DSLContext dsl, boolean onlyUnassigned) {
        assign(dsl, FCT_VERBLIJF.FACILITY_KEY, FCT_VERBLIJF.VOORZIENING, FCT_VERBLIJF.START_DATE, onlyUnassigned);
        assign(dsl, FCT_NACHT.FACILITY_KEY, FCT_NACHT.VOORZIENING, FCT_NACHT.NIGHT_DATE, onlyUnassigned);
        assign(dsl, FCT_AFWIJZING.FACILITY_KEY, FCT_AFWIJZING.VOORZIENING, FCT_AFWIJZING.REFUSAL_DATE, onlyUnassigned);
    }

    /**
     * One join of the facts with the versions, which never overlap (R__61: a version ends the day before the next
     * begins), so a row finds at most one. Only rows whose version differs are written (after a rebuild that is
     * usually none: updating ten million nights to the key they have costs seconds); a row whose facility has no
     * version on its date any more keeps none. Joins rather than a lookup per row: 2.5 s for 10 million nights.
     */
    private static void assign(DSLContext dsl, TableField<?, Integer> key, Field<String> voorziening, Field<LocalDate> date,
                               boolean onlyUnassigned) {
        Table<?> fact = key.getTable();
        Condition validOnDate = DIM_FACILITY.VOORZIENING.eq(voorziening)
                .and(date.between(DIM_FACILITY.VALID_FROM, DSL.coalesce(DIM_FACILITY.VALID_TO, DSL.val(OPEN_END))));
        dsl.update(fact).set(key, DIM_FACILITY.FACILITY_KEY).from(DIM_FACILITY)
                .where(validOnDate, onlyUnassigned ? key.isNull() : key.isDistinctFrom(DIM_FACILITY.FACILITY_KEY))
                .execute();
        if (!onlyUnassigned) {
            dsl.update(fact).setNull(key).where(key.isNotNull(), DSL.notExists(DSL.selectOne().from(DIM_FACILITY).where(validOnDate)))
                    .execute();
        }
    }
}
