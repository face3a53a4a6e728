package nl.opvangmonitor.common.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.common.parse.DutchDates;
import nl.opvangmonitor.common.parse.DutchNumbers;
import nl.opvangmonitor.common.parse.YesNo;
import nl.opvangmonitor.common.reference.MunicipalitySpelling;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The set-based rules (SQL, {@link StagedRows}) and the row-by-row parsers (Java, used by the finance
 * and target sources) read the same text the same way: the same value, or a rejection with the same
 * reason. Both are run over the same awkward inputs.
 */
class StagedRowsParityTest {

    @AutoClose
    private final Warehouse db = Warehouse.inMemory();
    private final DSLContext dsl = db.dsl;

    @Test
    void date_whenAwkwardInputs_thenSqlAndJavaAgree() throws Exception {
        List<String> inputs = List.of("01-02-2019", "1-2-2019", "01/02/2019", "1.2.2019", "2019-02-01", "2019-2-1", "2019-02-01T10:15:00",
                "01-02-2019 10:15", "31-02-2019", "2019-13-01", "00-01-2019", "5-6-19", "2019/02/01", "1 februari 2019", "20190201",
                "01-02-1999", "01-02-2041", "31-12-2040", "01-01-2000");
        assertParity(inputs, (rows, column) -> rows.date(column, false), text -> {
            var date = DutchDates.parse(text);
            if (date.isBefore(RowValidator.FIRST_DATE) || date.isAfter(RowValidator.LAST_DATE)) {
                throw new IllegalArgumentException("date outside the supported range 2000-2040");
            }
            return date;
        });
    }

    @Test
    void number_whenAwkwardInputs_thenSqlAndJavaAgree() throws Exception {
        List<String> inputs = List.of("1.031", "1.234.567", "-1.031", "48,33", "48,33%", "-23", "1234.5", "1.5", "€ 1.234,5", "€1.234,50",
                "+5", "1 234", "0", "0.500", "\u221223", "1\u00a0234,5", "abc", "12abc", "1,2,3", "%", "--5", "1e5", "12.34.56");
        assertParity(inputs, (rows, column) -> rows.number(column, false), DutchNumbers::parse);
    }

    @Test
    void wholeNumber_whenAwkwardInputs_thenSqlAndJavaAgree() throws Exception {
        List<String> inputs = List.of("3,0", "3", "1.031", "100", "-2", "4,00%", "2,5", "drie", "99999999999", "2147483647", "2147483648");
        assertParity(inputs, (rows, column) -> rows.wholeNumber(column, false), DutchNumbers::parseWhole);
    }

    @Test
    void yesNo_whenAwkwardInputs_thenSqlAndJavaAgree() throws Exception {
        List<String> inputs = List.of("ja", "JA", "Nee", "j", "n", "yes", "no", "y", "true", "False", "waar", "onwaar", "1", "0",
                "misschien", "ja nee", "2");
        assertParity(inputs, (rows, column) -> rows.yesNo(column, false), YesNo::parse);
    }

    @Test
    void municipalitySpelling_whenAwkwardInputs_thenSqlMacroAndJavaNormaliseAlike() throws Exception {
        // the macros exactly as the repeatable migration defines them
        String migration = new String(getClass().getResourceAsStream("/db/views/R__59_core_v_municipality_spelling.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        dsl.execute("CREATE SCHEMA core");
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (statement.strip().startsWith("CREATE OR REPLACE MACRO")) {
                dsl.execute(statement);
            }
        }
        List<String> inputs = List.of("GM0599", "gm0599", "0599", "599", "Rotterdam", " ROTTERDAM ", "Gemeente Rotterdam",
                "'s-Gravenhage", "’s-Gravenhage", "`s-Hertogenbosch", "Bergen  (NH.)", "Den\tHaag", "GM12345", "gemeente", "");

        for (String input : inputs) {
            String sql = dsl.select(StagedRows.municipalitySpelling(DSL.inline(input))).fetchOne(0, String.class);
            assertThat(sql).as("spelling of '%s'", input).isEqualTo(MunicipalitySpelling.normalise(input));
        }
        assertThat(MunicipalitySpelling.normalise(" Gemeente  GM0599")).isEqualTo("599");
        assertThat(MunicipalitySpelling.normalise("\u2019s-Gravenhage")).isEqualTo("'s-gravenhage");
    }

    /** Runs every input through the SQL rule and the Java parser; compares values and reasons. */
    private void assertParity(List<String> inputs, BiFunction<StagedRows, String, Field<?>> rule, Function<String, Object> java) throws Exception {
        dsl.execute("CREATE TEMP TABLE stg (row_number INTEGER, x VARCHAR)");
        for (int i = 0; i < inputs.size(); i++) {
            dsl.execute("INSERT INTO stg VALUES (?, ?)", i, inputs.get(i));
        }
        StagedRows rows = new StagedRows(new LinkedHashSet<>(List.of("x")), Set.of());
        Field<?> value = rule.apply(rows, "x");
        var parsed = rows.parsing(dsl, DSL.name("stg"), DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER),
                DSL.trueCondition()).asTable(StagedRows.ALIAS);
        List<Field<?>> outer = new ArrayList<>(List.of(value.as("value")));
        for (StagedRows.Check check : rows.checks()) {
            outer.add(DSL.when(check.when(), check.reason()).as("reason"));
        }
        List<Record> results = dsl.select(outer).from(parsed).orderBy(DSL.field(DSL.name(StagedRows.ALIAS, "row_number"))).fetch();

        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            Record sql = results.get(i);
            List<String> sqlReasons = new ArrayList<>();
            for (int c = 1; c < sql.size(); c++) {
                if (sql.get(c) != null) {
                    sqlReasons.add((String) sql.get(c));
                }
            }
            Object expected;
            String expectedReason;
            try {
                expected = java.apply(input);
                expectedReason = null;
            } catch (IllegalArgumentException e) {
                expected = null;
                expectedReason = e.getMessage();
            }
            if (expectedReason == null) {
                assertThat(sqlReasons).as("reasons for '%s'", input).isEmpty();
                Object actual = sql.get(0);
                if (expected instanceof BigDecimal number) {
                    assertThat((BigDecimal) actual).as("value of '%s'", input).isEqualByComparingTo(number);
                } else if (expected instanceof Integer number) {
                    assertThat(((Number) actual).intValue()).as("value of '%s'", input).isEqualTo(number);
                } else {
                    assertThat(actual == null ? null : actual.toString()).as("value of '%s'", input).isEqualTo(expected.toString());
                }
            } else {
                assertThat(sqlReasons).as("reasons for '%s'", input).containsExactly(expectedReason);
            }
        }
    }
}
