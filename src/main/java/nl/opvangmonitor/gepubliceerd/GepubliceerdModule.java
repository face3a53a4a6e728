package nl.opvangmonitor.gepubliceerd;

import static nl.opvangmonitor.db.core.Tables.FCT_PUBLISHED;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.util.List;
import java.util.Set;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.Facts;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedRows;
import nl.opvangmonitor.ingest.StagedSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Gepubliceerd (published figures): reads {@code <input>/gepubliceerd/} (indicator, gemeente, jaar,
 * waarde, bron; optional soort, pagina, publicatiedatum, toelichting) into core.fct_published;
 * mart.published_comparison compares every figure with what the warehouse computes, and the run
 * summary says how many match. No microdata.
 */
public class GepubliceerdModule implements SourceModule {

    static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("indicator", "gemeente", "jaar", "waarde", "bron"),
            List.of("soort", "pagina", "publicatiedatum", "toelichting"));

    @Override
    public String name() {
        return "gepubliceerd";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of(new StagedSource("gepubliceerd", "gepubliceerd", COLUMNS, Set.of(), FCT_PUBLISHED, GepubliceerdModule::figures));
    }

    @Override
    public List<String> runNotes(DSLContext dsl, long runId) {
        return PublishedComparison.runNotes(dsl);
    }

    static final List<String> BUDGET_VERSIONS = List.of("realisatie", "begroting", "bijgestelde_begroting", "raming", "afwijking");

    /**
     * The columns of core.fct_published, each by name. {@code indicator} is an indicator
     * code, or a budget line written {@code <taakveld or programme> | <version> | <line label>};
     * {@code soort} says whether the figure is a value (default), the denominator of a percentage
     * (noemer), a streefwaarde or a change against the previous year. An indicator code that is not in
     * the catalog is kept: the comparison reports it as not computed, with the reason. The value is
     * read in the notation of its kind: a target (macros core.target_*) or a printed number, whose
     * decimals set the precision it is compared at (64% whole percents, 9,4 one decimal).
     */
    static Facts figures(StagedRows r) {
        Field<String> indicator = r.requiredText("indicator");
        Field<String> soort = DSL.coalesce(r.perValue("soort", DSL.lower(r.text("soort"))), inline("waarde"));
        Field<String> kind = DSL.choose(soort).when(inline("waarde"), inline("value")).when(inline("noemer"), inline("denominator"))
                .when(inline("streefwaarde"), inline("target")).when(inline("verandering"), inline("change"));
        r.reject(kind.isNull(), "soort", r.text("soort"), "unknown soort: expected waarde, noemer, streefwaarde or verandering");

        Condition budget = DSL.coalesce(field("contains({0}, '|')", SQLDataType.BOOLEAN, indicator), inline(false)).isTrue();
        Field<String> scope = r.perValue("indicator", part(indicator, 1));
        Field<String> version = r.perValue("indicator", DSL.replace(DSL.lower(part(indicator, 2)), inline(" "), inline("_")));
        Field<String> line = r.perValue("indicator", part(indicator, 3));
        Condition shaped = field("len(string_split({0}, '|'))", SQLDataType.INTEGER, indicator).eq(inline(3))
                .and(scope.ne(inline(""))).and(line.ne(inline("")));
        r.reject(budget.andNot(shaped), "indicator", indicator, "a budget line is written <taakveld or programme> | <version> | <line label>");
        r.reject(budget.and(shaped).and(version.notIn(BUDGET_VERSIONS.stream().map(DSL::inline).toList())), "indicator", indicator,
                inline("unknown budget version ").concat(version).concat(inline(": expected one of " + String.join(", ", BUDGET_VERSIONS))));
        r.reject(budget.and(kind.ne(inline("value"))), "soort", soort, "a budget line is compared as a value (soort waarde)");
        Field<String> figureKind = DSL.when(budget, inline("budget")).otherwise(kind);

        Field<String> text = r.requiredText("waarde");
        Condition isTarget = figureKind.eq(inline("target"));
        StagedRows.Target target = r.target("waarde", DSL.coalesce(r.higherIsBetter("indicator"), inline(true)), isTarget);
        Field<java.math.BigDecimal> number = r.perValue("waarde", StagedRows.dutchNumber(text));
        r.reject(figureKind.ne(inline("target")).and(text.isNotNull()).and(number.isNull()), "waarde", text,
                inline("'").concat(text).concat(inline("' is not a number")));
        Field<Integer> decimals = r.perValue("waarde", field("core.dutch_number_decimals({0})", SQLDataType.INTEGER, text));
        Field<Boolean> percent = DSL.when(isTarget, field("contains({0}, '%')", SQLDataType.BOOLEAN, text))
                .otherwise(field("ends_with({0}, '%')", SQLDataType.BOOLEAN, text));

        return new Facts()
                .set(FCT_PUBLISHED.FIGURE_KIND, figureKind)
                .set(FCT_PUBLISHED.INDICATOR_TEXT, indicator)
                .set(FCT_PUBLISHED.INDICATOR_CODE, DSL.when(DSL.not(budget), r.indicatorCode("indicator")))
                .set(FCT_PUBLISHED.BUDGET_SCOPE, DSL.when(budget, scope))
                .set(FCT_PUBLISHED.BUDGET_VERSION, DSL.when(budget, version))
                .set(FCT_PUBLISHED.BUDGET_LINE, DSL.when(budget, line))
                .set(FCT_PUBLISHED.AREA_CODE, r.area("gemeente"))
                .set(FCT_PUBLISHED.YEAR, r.year("jaar"))
                .set(FCT_PUBLISHED.PUBLISHED_TEXT, text)
                .set(FCT_PUBLISHED.PUBLISHED_VALUE, DSL.when(isTarget, target.value()).otherwise(number))
                .set(FCT_PUBLISHED.PUBLISHED_DECIMALS, DSL.when(DSL.not(isTarget), decimals))
                .set(FCT_PUBLISHED.IS_PERCENT, percent)
                .set(FCT_PUBLISHED.TARGET_OPERATOR, DSL.when(isTarget, target.operator()))
                .set(FCT_PUBLISHED.TARGET_VALUE, DSL.when(isTarget, target.value()))
                .set(FCT_PUBLISHED.TARGET_VALUE_UPPER, DSL.when(isTarget, target.upper()))
                .set(FCT_PUBLISHED.SOURCE_DOCUMENT, r.requiredText("bron"))
                .set(FCT_PUBLISHED.PAGE, r.text("pagina"))
                .set(FCT_PUBLISHED.PUBLICATION_DATE, r.date("publicatiedatum", false))
                .set(FCT_PUBLISHED.TOELICHTING, r.text("toelichting"));
    }

    /** Part n of a budget line written {@code scope | version | label}, trimmed. */
    private static Field<String> part(Field<String> indicator, int n) {
        return DSL.trim(field("split_part({0}, '|', {1})", SQLDataType.VARCHAR, indicator, inline(n)));
    }
}
