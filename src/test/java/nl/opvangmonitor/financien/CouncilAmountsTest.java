package nl.opvangmonitor.financien;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CouncilAmountsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7.205|7205", "-133.727|-133727", "−23|-23", "(23)|-23", "48,5|48.5", "€ 1.234|1234", "-|0", "–|0", "0|0", "162|162",
            "1.500|1500"})
    void parse_whenDutchNotation_thenThousandsOfEuros(String text, String expected) {
        // when
        BigDecimal amount = CouncilAmounts.parse(text);

        // then
        assertThat(amount).isEqualByComparingTo(expected);
    }

    @Test
    void parse_whenNotAnAmount_thenNull() {
        assertThat(CouncilAmounts.parse("n.v.t.")).isNull();
        assertThat(CouncilAmounts.parse("1,2,3")).isNull();
        assertThat(CouncilAmounts.parse(" ")).isNull();
    }
}
