package nl.opvangmonitor.financien;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Council amounts: the SQL macro core.council_amount as the rules call it, and as a council table reads it in one query. */
class CouncilAmountsTest {

    @AutoClose
    private final Warehouse db = Warehouse.inMemory().withCoreMacros("R__58_core_notation.sql");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7.205|7205", "-133.727|-133727", "−23|-23", "–23|-23", "(23)|-23", "( 1.234,5 )|-1234.5", "48,5|48.5", "€ 1.234|1234",
            "-|0", "–|0", "—|0", "−|0", "0|0", "162|162", "1.500|1500", "1 234|1234", "'  7 '|7", "10127.0|10127"})
    void of_whenDutchNotation_thenThousandsOfEuros(String text, String expected) {
        // when
        BigDecimal amount = db.dsl.select(CouncilAmounts.of(DSL.inline(text))).fetchOne(0, BigDecimal.class);

        // then
        assertThat(amount).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"n.v.t.", "1,2,3", "' '", "''", "(-)", "--5", "12abc", "()"})
    void of_whenNotAnAmount_thenNull(String text) {
        assertThat(db.dsl.select(CouncilAmounts.of(DSL.inline(text))).fetchOne(0, BigDecimal.class)).isNull();
    }

    @Test
    void read_whenTheTextsOfATable_thenEachAmountOnceAndNoValueForTheRest() throws SQLException {
        // given: the amount cells of a council table, repeated texts, a non-breaking space and empty cells among them
        var texts = Arrays.asList("7.205", "(23)", "-", "7.205", "1\u00a0234", "n.v.t.", null, "48,5");

        // when
        Map<String, BigDecimal> amounts = CouncilAmounts.read(db.connection(), texts);

        // then
        assertThat(amounts).containsOnlyKeys("7.205", "(23)", "-", "1\u00a0234", "48,5");
        assertThat(amounts.get("7.205")).isEqualByComparingTo("7205");
        assertThat(amounts.get("(23)")).isEqualByComparingTo("-23");
        assertThat(amounts.get("-")).isEqualByComparingTo("0");
        assertThat(amounts.get("1\u00a0234")).isEqualByComparingTo("1234");
        assertThat(amounts.get("48,5")).isEqualByComparingTo("48.5");
    }
}
