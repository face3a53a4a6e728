package nl.opvangmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import nl.opvangmonitor.Warehouse;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every set-based source is written with ({@link StagedRows}) and the notation macros they
 * call (R__58_core_notation, R__59 municipality spelling), each defined once in SQL: awkward inputs
 * with the value or the reasons they give.
 */
class StagedRowsTest {

    private static final String NOT_A_TARGET = "' is not a target (expected e.g. >55%, <200, 0 or **)";

    /** The macros exactly as the repeatable migrations define them. */
    @AutoClose
    private final Warehouse db = Warehouse.inMemory().withCoreMacros("R__58_core_notation.sql", "R__59_core_v_municipality_spelling.sql");
    private final DSLContext dsl = db.dsl;

    @Test
    void date_whenAwkwardInputs_thenValueOrReason() throws Exception {
        assertRule((rows, column) -> rows.date(column, false), List.of(
                "01-02-2019", "2019-02-01", "1-2-2019", "2019-02-01", "01/02/2019", "2019-02-01", "1.2.2019", "2019-02-01",
                "2019-02-01", "2019-02-01", "2019-2-1", "2019-02-01", "2019-02-01T10:15:00", "2019-02-01", "01-02-2019 10:15", "2019-02-01",
                "31-02-2019", "! '31-02-2019' is not an existing date", "2019-13-01", "! '2019-13-01' is not an existing date",
                "5-6-19", "! '5-6-19' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)",
                "1 februari 2019", "! '1 februari 2019' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)",
                "20190201", "! '20190201' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)",
                "01-02-1999", "! date outside the supported range 2000-2040", "01-02-2041", "! date outside the supported range 2000-2040",
                "31-12-2040", "2040-12-31", "01-01-2000", "2000-01-01"));
    }

    @Test
    void number_whenAwkwardInputs_thenValueOrReason() throws Exception {
        assertRule((rows, column) -> rows.number(column, false), List.of(
                "1.031", "1031", "1.234.567", "1234567", "-1.031", "-1031", "48,33", "48.33", "48,33%", "48.33", "-23", "-23",
                "1234.5", "1234.5", "1.5", "1.5", "€ 1.234,5", "1234.5", "€1.234,50", "1234.5", "0", "0", "+5", "5", "1 234", "1234", "0.500", "0.5",
                "\u221223", "-23", "1\u00a0234,5", "1234.5", "abc", "! 'abc' is not a number", "1,2,3", "! '1,2,3' is not a number",
                "%", "! '%' is not a number", "--5", "! '--5' is not a number", "1e5", "! '1e5' is not a number",
                "12.34.56", "! '12.34.56' is not a number"));
    }

    @Test
    void wholeNumber_whenAwkwardInputs_thenValueOrReason() throws Exception {
        assertRule((rows, column) -> rows.wholeNumber(column, false), List.of(
                "3,0", "3", "1.031", "1031", "-2", "-2", "4,00%", "4", "2,5", "! '2,5' is not a whole number",
                "drie", "! 'drie' is not a number", "2147483647", "2147483647", "2147483648", "! '2147483648' is not a whole number"));
    }

    @Test
    void year_whenOutsideTheDateDimension_thenRejectedWithTheRange() throws Exception {
        assertRule((rows, column) -> rows.year(column), List.of(
                "2019", "2019", "2000", "2000", "2040", "2040", "1999", "! year outside the supported range 2000-2040",
                "2109", "! year outside the supported range 2000-2040", "2019,5", "! '2019,5' is not a whole number"));
    }

    @Test
    void yesNo_whenAwkwardInputs_thenValueOrReason() throws Exception {
        assertRule((rows, column) -> rows.yesNo(column, false), List.of(
                "ja", "true", "JA", "true", "Nee", "false", "j", "true", "n", "false", "yes", "true", "no", "false", "y", "true",
                "true", "true", "False", "false", "waar", "true", "onwaar", "false", "1", "true", "0", "false",
                "misschien", "! 'misschien' is not ja or nee", "ja nee", "! 'ja nee' is not ja or nee", "2", "! '2' is not ja or nee"));
    }

    @Test
    void municipalitySpelling_whenAwkwardInputs_thenOneNormalisedSpelling() {
        List<String> pairs = List.of("GM0599", "599", "gm0599", "599", "0599", "599", "599", "599", "Rotterdam", "rotterdam",
                " ROTTERDAM ", "rotterdam", "Gemeente Rotterdam", "rotterdam", " Gemeente  GM0599", "599",
                "'s-Gravenhage", "'s-gravenhage", "\u2019s-Gravenhage", "'s-gravenhage", "`s-Hertogenbosch", "'s-hertogenbosch",
                "Bergen  (NH.)", "bergen (nh.)", "Den\tHaag", "den haag", "GM12345", "gm12345", "gemeente", "gemeente");
        for (int i = 0; i < pairs.size(); i += 2) {
            assertThat(dsl.select(StagedRows.municipalitySpelling(DSL.inline(pairs.get(i)))).fetchOne(0, String.class))
                    .as("spelling of '%s'", pairs.get(i)).isEqualTo(pairs.get(i + 1));
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            ">55%    | >       | 55   |     | true",
            "<200    | <       | 200  |     | true",
            ">=70    | >=      | 70   |     | true",
            "<=10    | <=      | 10   |     | true",
            "=3      | =       | 3    |     | true",
            "> 55 %  | >       | 55   |     | true",
            "≥ 5     | >=      | 5    |     | true",
            "≤5      | <=      | 5    |     | true",
            ">48,5%  | >       | 48.5 |     | true",
            ">55%    | >       | 55   |     | false",
            "79%     | >=      | 79   |     | true",
            "79%     | <=      | 79   |     | false",
            "0       | =       | 0    |     | true",
            "0       | =       | 0    |     | false",
            "88-90%  | between | 88   | 90  | true",
            "88–90%  | between | 88   | 90  | true",
            "88 - 90 % | between | 88 | 90  | true",
            "88% - 90% | between | 88 | 90  | true",
            "88 t/m 90 | between | 88 | 90  | true",
            "88 tot 90 | between | 88 | 90  | true",
            "1,5-2,5 | between | 1.5  | 2.5 | false",
    })
    void targetMacros_whenCouncilNotation_thenOperatorValueAndUpper(String text, String operator, String value, String upper,
                                                                   boolean higherIsBetter) {
        Record target = target(text, higherIsBetter);
        assertThat(target.get("is_target")).isEqualTo(true);
        assertThat(target.get("operator")).isEqualTo(operator);
        assertThat(target.get("value", java.math.BigDecimal.class)).isEqualByComparingTo(value);
        if (upper == null) {
            assertThat(target.get("upper")).isNull();
        } else {
            assertThat(target.get("upper", java.math.BigDecimal.class)).isEqualByComparingTo(upper);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"**", "*", "-", "–", "n.v.t.", "nvt", "geen", "Geen", "N.v.t.", "", "   "})
    void targetMacros_whenNoTargetSet_thenATargetWithoutOperatorOrValue(String text) {
        Record target = target(text, true);
        assertThat(target.get("is_target")).isEqualTo(true);
        assertThat(target.get("operator")).isNull();
        assertThat(target.get("value")).isNull();
        assertThat(target.get("upper")).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"veel", ">", "55 personen", "88-"})
    void targetMacros_whenWords_thenNotATarget(String text) {
        Record target = target(text, true);
        assertThat(target.get("is_target")).isEqualTo(false);
        assertThat(target.get("operator")).isNull();
    }

    @Test
    void target_whenNotATargetWhereOneApplies_thenRejectedWithTheNotation() throws Exception {
        assertRule((rows, column) -> rows.target(column, DSL.inline(true), DSL.trueCondition()).operator(), List.of(
                ">55%", ">", "**", "null", "veel", "! 'veel" + NOT_A_TARGET));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "64%      | 64       | 0",
            "48,33%   | 48.33    | 2",
            "9,4      | 9.4      | 1",
            "2.097    | 2097     | 0",
            "1.031    | 1031     | 0",
            "-133.727 | -133727  | 0",
            "573      | 573      | 0"})
    void numberMacros_whenPrintedNotation_thenValueAndTheDecimalsItShows(String text, String value, int decimals) {
        Record number = dsl.fetchOne("SELECT core.dutch_number({0}) AS value, core.dutch_number_decimals({0}) AS decimals", DSL.inline(text));
        assertThat(number.get("value", java.math.BigDecimal.class)).isEqualByComparingTo(value);
        assertThat(number.get("decimals", Integer.class)).isEqualTo(decimals);
    }

    @Test
    void fitsColumn_whenAConversionOfOneColumn_thenCheckedAndCastOncePerValue() throws Exception {
        var column = nl.opvangmonitor.db.core.Tables.FCT_MELDING.DUUR_GEWELD_MAANDEN;
        String tooWide = "' does not fit the column duur_geweld_maanden (at most 99999.99 in absolute value)";
        assertRule((rows, x) -> {
            Field<?> written = rows.fitsColumn(column, rows.number(x, false));
            assertThat(written.getDataType().getCastTypeName()).isEqualTo(column.getDataType().getCastTypeName());
            return written;
        }, List.of("12,5", "12.5", "99999,99", "99999.99", "-99999,994", "-99999.99", "1,005", "1.01",
                "99999,995", "! '99999,995" + tooWide, "-100.000", "! '-100.000" + tooWide, "veel", "! 'veel' is not a number"));
    }

    @Test
    void rejectValue_whenTheRuleReadsAnotherColumn_thenTheFileFailsInsteadOfAWrongOutcome() {
        dsl.execute("CREATE TEMP TABLE stg (row_number INTEGER, x VARCHAR, y VARCHAR)");
        dsl.execute("INSERT INTO stg VALUES (1, 'a', NULL), (2, 'a', 'b')");
        StagedRows rows = new StagedRows(new LinkedHashSet<>(List.of("x", "y")), Set.of());
        rows.rejectValue("x", rows.text("y").isNull(), rows.text("x"), "y is empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.parsing(dsl, DSL.name("stg"),
                        DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER), DSL.trueCondition(), Set.of(), new ArrayList<>()))
                .isInstanceOf(org.jooq.exception.DataAccessException.class).hasMessageContaining("\"y\"");
    }

    @Test
    void perRow_whenAValueOfTwoColumnsIsLookedUp_thenEachRowGetsItsBandAndTheRulesReadIt() {
        dsl.execute("CREATE TEMP TABLE stg (row_number INTEGER, born VARCHAR, seen VARCHAR)");
        dsl.execute("INSERT INTO stg VALUES (1, '2000', '2010'), (2, '1990', '2010'), (3, '2011', '2010'), (4, '1950', NULL)");
        dsl.execute("CREATE TEMP TABLE band (name VARCHAR, lowest INTEGER)");
        dsl.execute("INSERT INTO band VALUES ('child', 0), ('adult', 18)");
        StagedRows rows = new StagedRows(new LinkedHashSet<>(List.of("born", "seen")), Set.of());
        Field<Integer> age = rows.perRow(rows.wholeNumber("seen", false).minus(rows.wholeNumber("born", true)));
        rows.reject(age.lt(DSL.inline(0)), "born", rows.text("born"), "born after seen");
        Field<Integer> lowest = DSL.field(DSL.name("lowest"), SQLDataType.INTEGER);
        Field<String> band = DSL.field(DSL.select(DSL.field(DSL.name("name"), SQLDataType.VARCHAR)).from(DSL.table(DSL.name("band")))
                .where(lowest.le(age)).orderBy(lowest.desc()).limit(1));
        var parsed = rows.parsing(dsl, DSL.name("stg"), DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER),
                DSL.trueCondition(), Set.of(), new ArrayList<>()).asTable(StagedRows.ALIAS);
        List<Field<?>> outer = new ArrayList<>(List.of(age.as("age"), band.as("band")));
        rows.checks().forEach(check -> outer.add(DSL.when(check.when(), check.reason())));
        List<String> actual = dsl.select(outer).from(parsed).orderBy(DSL.field(DSL.name(StagedRows.ALIAS, "row_number"))).fetch()
                .map(r -> java.util.Arrays.toString(r.intoArray()));
        assertThat(actual).containsExactly("[10, child, null, null, null, null, null, null]", "[20, adult, null, null, null, null, null, null]",
                "[-1, null, null, null, null, null, null, born after seen]", "[null, null, null, null, null, null, null, null]");
    }

    @Test
    void parsing_whenAColumnIsStagedAsDelivered_thenItsTextAndValuesAreTrimmedOncePerValue() {
        dsl.execute("CREATE TEMP TABLE stg (row_number INTEGER, x VARCHAR)");
        dsl.execute("INSERT INTO stg VALUES (1, ' 01-02-2019 '), (2, '01-02-2019'), (3, '\t '), (4, NULL), (5, ' 1-2-19')");
        StagedRows rows = new StagedRows(new LinkedHashSet<>(List.of("x")), Set.of());
        Field<?> date = rows.date("x", true);
        List<Name> tables = new ArrayList<>();
        var parsed = rows.parsing(dsl, DSL.name("stg"), DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER),
                DSL.trueCondition(), Set.of("x"), tables).asTable(StagedRows.ALIAS);
        List<Field<?>> outer = new ArrayList<>(List.of(rows.text("x").as("text"), date.as("date")));
        for (StagedRows.Check check : rows.checks()) {
            outer.add(DSL.when(check.when(), check.reason()));
        }
        List<List<Object>> actual = dsl.select(outer).from(parsed).orderBy(DSL.field(DSL.name(StagedRows.ALIAS, "row_number"))).fetch()
                .map(r -> java.util.Arrays.stream(r.intoArray()).filter(java.util.Objects::nonNull).map(String::valueOf).map(Object.class::cast).toList());
        assertThat(actual).containsExactly(
                List.of("01-02-2019", "2019-02-01"),
                List.of("01-02-2019", "2019-02-01"),
                List.of("required value is empty"),
                List.of("required value is empty"),
                List.of("1-2-19", "'1-2-19' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)"));
        assertThat(tables).hasSize(1);
    }

    private Record target(String text, boolean higherIsBetter) {
        return dsl.fetchOne("SELECT core.is_target({0}) AS is_target, core.target_operator(core.target_written_operator({0}), core.target_value({0}), {1}) AS operator,"
                + " core.target_value({0}) AS value, core.target_upper({0}) AS upper", DSL.inline(text), DSL.inline(higherIsBetter));
    }

    /**
     * Runs every input through the rule; {@code expected} holds pairs of input and outcome: the value as
     * text ("null" for none), or "! " and the reasons, joined with "; ".
     */
    private void assertRule(BiFunction<StagedRows, String, Field<?>> rule, List<String> expected) throws Exception {
        dsl.execute("CREATE TEMP TABLE stg (row_number INTEGER, x VARCHAR)");
        for (int i = 0; i < expected.size(); i += 2) {
            dsl.execute("INSERT INTO stg VALUES (?, ?)", i, expected.get(i));
        }
        StagedRows rows = new StagedRows(new LinkedHashSet<>(List.of("x")), Set.of());
        Field<?> value = rule.apply(rows, "x");
        var parsed = rows.parsing(dsl, DSL.name("stg"), DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER),
                DSL.trueCondition(), Set.of(), new ArrayList<>()).asTable(StagedRows.ALIAS);
        List<Field<?>> outer = new ArrayList<>(List.of(value.as("value")));
        for (StagedRows.Check check : rows.checks()) {
            outer.add(DSL.when(check.when(), check.reason()).as("reason"));
        }
        List<Record> results = dsl.select(outer).from(parsed).orderBy(DSL.field(DSL.name(StagedRows.ALIAS, "row_number"))).fetch();

        List<String> actual = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Record row = results.get(i);
            List<String> reasons = new ArrayList<>();
            for (int c = 1; c < row.size(); c++) {
                if (row.get(c) != null) {
                    reasons.add((String) row.get(c));
                }
            }
            actual.add(expected.get(2 * i));
            Object converted = row.get(0) instanceof java.math.BigDecimal number ? number.stripTrailingZeros().toPlainString() : row.get(0);
            actual.add(reasons.isEmpty() ? String.valueOf(converted) : "! " + String.join("; ", reasons));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
