package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.DIM_FACILITY;
import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.core.Tables.V_FACILITY_HISTORY;
import static org.jooq.impl.DSL.select;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Rebuilds the type-2 facility dimension from the delivered stays (core.v_facility_history) and
 * points every stay, night and refusal at the facility version valid on its date.
 */
final class FacilityHistory {

    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private FacilityHistory() {
    }

    static void refresh(DSLContext dsl) {
        dsl.deleteFrom(DIM_FACILITY).execute();
        dsl.insertInto(DIM_FACILITY).select(dsl.selectFrom(V_FACILITY_HISTORY)).execute();
        dsl.update(FCT_VERBLIJF).set(FCT_VERBLIJF.FACILITY_KEY, versionAt(FCT_VERBLIJF.VOORZIENING, FCT_VERBLIJF.START_DATE)).execute();
        dsl.update(FCT_NACHT).set(FCT_NACHT.FACILITY_KEY, versionAt(FCT_NACHT.VOORZIENING, FCT_NACHT.NIGHT_DATE)).execute();
        dsl.update(FCT_AFWIJZING).set(FCT_AFWIJZING.FACILITY_KEY, versionAt(FCT_AFWIJZING.VOORZIENING, FCT_AFWIJZING.REFUSAL_DATE)).execute();
    }

    private static Field<Integer> versionAt(Field<String> voorziening, Field<LocalDate> date) {
        return DSL.field(select(DIM_FACILITY.FACILITY_KEY).from(DIM_FACILITY)
                .where(DIM_FACILITY.VOORZIENING.eq(voorziening),
                        date.between(DIM_FACILITY.VALID_FROM, DSL.coalesce(DIM_FACILITY.VALID_TO, DSL.val(OPEN_END))))
                .limit(1));
    }
}
