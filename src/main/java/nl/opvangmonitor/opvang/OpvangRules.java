package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.DIM_AGE_GROUP;
import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import nl.opvangmonitor.ingest.Facts;
import nl.opvangmonitor.ingest.StagedRows;
import org.jooq.CaseWhenStep;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Validates and converts the rows of the three shelter exports (DESIGN.md §3.2), in SQL: stays into
 * core.fct_verblijf, nights into core.fct_nacht, refusals into core.fct_afwijzing. facility_key is
 * set after the load.
 */
final class OpvangRules {

    /** Accepted voorzieningstypen, keyed by their spelling in lower case without spaces, dashes and underscores. */
    static final Map<String, String> TYPES = Map.of(
            "nachtopvang", "nachtopvang",
            "dagopvang", "dagopvang",
            "crisisopvang", "crisisopvang",
            "24uursopvang", "24-uursopvang",
            "vrouwenopvang", "vrouwenopvang",
            "beschermdwonen", "beschermd_wonen",
            "doorstroom", "doorstroom",
            "housingfirst", "housing_first");

    /** Accepted spellings of geslacht, lower case. */
    static final Map<String, String> GESLACHT = Map.ofEntries(
            Map.entry("v", "v"), Map.entry("vrouw", "v"), Map.entry("f", "v"), Map.entry("female", "v"),
            Map.entry("m", "m"), Map.entry("man", "m"), Map.entry("male", "m"),
            Map.entry("x", "x"), Map.entry("o", "x"), Map.entry("onbekend", "x"), Map.entry("anders", "x"), Map.entry("overig", "x"));

    private OpvangRules() {
    }

    /** The columns of core.fct_verblijf, each by name (facility_key is set after the load). */
    static Facts verblijf(StagedRows r) {
        Field<String> verblijfId = r.requiredText("verblijf_id");
        Field<String> clientKey = r.requiredText("client_id");
        int thisYear = Year.now().getValue();
        Field<Integer> delivered = r.wholeNumber("geboortejaar", true);
        r.rejectValue("geboortejaar", delivered.notBetween(inline(1900), inline(thisYear)), r.text("geboortejaar"),
                "birth year outside 1900-" + thisYear);
        Field<Integer> geboortejaar = DSL.when(delivered.between(inline(1900), inline(thisYear)), delivered);
        Field<String> huishouden = r.code("huishouden");
        r.rejectValue("huishouden", huishouden.notIn(inline("alleenstaand"), inline("gezin")), r.text("huishouden"), "not alleenstaand or gezin");
        Field<String> geslacht = r.perValue("geslacht", mapped(DSL.lower(r.requiredText("geslacht")), GESLACHT));
        r.rejectValue("geslacht", r.text("geslacht").isNotNull().and(geslacht.isNull()), r.text("geslacht"), "not v, m or x");
        Field<String> voorziening = r.requiredText("voorziening");
        Field<String> type = r.perValue("voorzieningstype", mapped(DSL.field("regexp_replace(lower({0}), {1}, '', 'g')", SQLDataType.VARCHAR,
                r.requiredText("voorzieningstype"), inline("[\\s_\\-]+")), TYPES));
        r.rejectValue("voorzieningstype", r.text("voorzieningstype").isNotNull().and(type.isNull()), r.text("voorzieningstype"),
                "unknown voorzieningstype: expected one of nachtopvang, dagopvang, crisisopvang, "
                        + "24-uursopvang, vrouwenopvang, beschermd_wonen, doorstroom, housing_first");
        Field<Integer> municipality = r.municipality("gemeente_herkomst", true);
        Field<LocalDate> start = r.date("startdatum", true);
        Field<LocalDate> end = r.date("einddatum", false);
        r.reject(end.lt(start), "einddatum", r.text("einddatum"), inline("einddatum is before startdatum ").concat(r.text("startdatum")));
        Field<Integer> age = r.perRow(DSL.year(start).minus(geboortejaar));
        r.reject(age.lt(inline(0)), "geboortejaar", r.text("geboortejaar"), "geboortejaar is after the startdatum");
        Field<String> ageGroup = ageGroup(age);
        return new Facts()
                .set(FCT_VERBLIJF.VERBLIJF_ID, verblijfId)
                .set(FCT_VERBLIJF.CLIENT_KEY, clientKey)
                .set(FCT_VERBLIJF.GEBOORTEJAAR, geboortejaar)
                .set(FCT_VERBLIJF.AGE_AT_START, age)
                .set(FCT_VERBLIJF.AGE_GROUP, ageGroup)
                .set(FCT_VERBLIJF.HUISHOUDEN, huishouden)
                .set(FCT_VERBLIJF.GESLACHT, geslacht)
                .set(FCT_VERBLIJF.VOORZIENING, voorziening)
                .set(FCT_VERBLIJF.VOORZIENINGSTYPE, type)
                .set(FCT_VERBLIJF.AANBIEDER, r.text("aanbieder"))
                .set(FCT_VERBLIJF.MUNICIPALITY_KEY, municipality)
                .set(FCT_VERBLIJF.START_DATE, start)
                .set(FCT_VERBLIJF.END_DATE, end)
                .set(FCT_VERBLIJF.UITSTROOM_BESTEMMING, r.code("uitstroom_bestemming"))
                .set(FCT_VERBLIJF.HAS_CO_PAS, r.yesNo("co_pas", false));
    }

    /**
     * The band of core.dim_age_group (V010) an age falls in; NULL for a negative age. The bands become a list indexed by
     * age, from 0 to the highest bound of any band (every older age is in that bound's band), computed once per statement;
     * each row takes its element. A look-up per row made DuckDB keep a copy of every row of the file to find its few
     * distinct ages: 0.11 s of the insert of 500,000 stays.
     */
    static Field<String> ageGroup(Field<Integer> age) {
        Field<Integer> a = DSL.field(DSL.name("ages", "a"), SQLDataType.INTEGER);
        Field<String> band = DSL.field(DSL.select(DIM_AGE_GROUP.AGE_GROUP).from(DIM_AGE_GROUP)
                .where(a.ge(DIM_AGE_GROUP.MIN_AGE).and(DIM_AGE_GROUP.MAX_AGE.isNull().or(a.lt(DIM_AGE_GROUP.MAX_AGE)))));
        Field<Integer> highestBound = DSL.field(DSL.select(DSL.max(DSL.greatest(DIM_AGE_GROUP.MIN_AGE,
                DSL.coalesce(DIM_AGE_GROUP.MAX_AGE, inline(0))))).from(DIM_AGE_GROUP));
        Field<String[]> bands = DSL.field(DSL.select(DSL.arrayAgg(band).orderBy(a)).from(DSL.table("range(0, {0} + 1) ages(a)", highestBound)));
        return DSL.field("CASE WHEN {0} >= 0 THEN {1}[least({0}, len({1}) - 1) + 1] END", SQLDataType.VARCHAR, age, bands);
    }

    /** The columns of core.fct_nacht, each by name. */
    static Facts nacht(StagedRows r) {
        return new Facts()
                .set(FCT_NACHT.CLIENT_KEY, r.requiredText("client_id"))
                .set(FCT_NACHT.NIGHT_DATE, r.date("datum", true))
                .set(FCT_NACHT.VOORZIENING, r.requiredText("voorziening"));
    }

    /** The columns of core.fct_afwijzing, each by name. */
    static Facts afwijzing(StagedRows r) {
        return new Facts()
                .set(FCT_AFWIJZING.REFUSAL_DATE, r.date("datum", true))
                .set(FCT_AFWIJZING.VOORZIENING, r.requiredText("voorziening"))
                .set(FCT_AFWIJZING.REDEN, StagedRows.code(r.requiredText("reden")))
                .set(FCT_AFWIJZING.MUNICIPALITY_KEY, r.municipality("gemeente", false));
    }

    /** CASE key WHEN ... : the key is computed once, not once per branch. */
    private static Field<String> mapped(Field<String> key, Map<String, String> values) {
        CaseWhenStep<String, String> mapping = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            mapping = mapping == null ? DSL.choose(key).when(inline(e.getKey()), inline(e.getValue()))
                    : mapping.when(inline(e.getKey()), inline(e.getValue()));
        }
        return mapping;
    }
}
