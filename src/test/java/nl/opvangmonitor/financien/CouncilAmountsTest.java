package nl.opvangmonitor.financien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CouncilAmountsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7.205|7205", "-133.727|-133727", "−23|-23", "(23)|-23", "48,5|48.5", "€ 1.234|1234", "-|0", "–|0", "0|0", "162|162",
            "1.500|1500"})
    void parseCouncil_whenDutchNotation_thenThousandsOfEuros(String text, String expected) {
        // when
        BigDecimal amount = CouncilAmounts.parseCouncil(text);

        // then
        assertThat(amount).isEqualByComparingTo(expected);
    }

    @Test
    void parseCouncil_whenNotAnAmount_thenReasonForTheDataTeam() {
        assertThatThrownBy(() -> CouncilAmounts.parseCouncil("n.v.t."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'n.v.t.' is not an amount (x € 1.000, written as 7.205 or -23)");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {"10127.0|10127", "1.500|1.5", "-482.0|-482", "0.0|0", "969088|969088"})
    void parseIv3_whenDecimalPoint_thenPointIsTheDecimalSeparator(String text, String expected) {
        // when
        BigDecimal amount = CouncilAmounts.parseIv3(text);

        // then
        assertThat(amount).isEqualByComparingTo(expected);
    }

    @Test
    void parseIv3_whenDutchNotation_thenRejectedWithReason() {
        assertThatThrownBy(() -> CouncilAmounts.parseIv3("1.234,5"))
                .hasMessage("'1.234,5' is not an amount as CBS Iv3 files write it (1234.0: a decimal point, no thousands separators)");
    }
}
