package nl.opvangmonitor.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutchNumbersTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.031          | 1031",
            "1.234.567      | 1234567",
            "-1.031         | -1031",
            "48,33          | 48.33",
            "48,33%         | 48.33",
            "-23            | -23",
            "1234.5         | 1234.5",
            "1.5            | 1.5",
            "€ 1.234,5      | 1234.5",
            "€1.234,50      | 1234.50",
            "+5             | 5",
            "'  7 '         | 7",
            "1 234          | 1234",
            "0              | 0",
    })
    void parse_whenDutchOrCbsNotation_thenNumericValue(String text, String expected) {
        // given: a number as an export writes it

        // when
        BigDecimal value = DutchNumbers.parse(text);

        // then
        assertThat(value).isEqualByComparingTo(expected);
    }

    @Test
    void parse_whenCommaDecimal_thenScaleOfTheTextIsKept() {
        // given
        String text = "48,33%";

        // when
        BigDecimal value = DutchNumbers.parse(text);

        // then
        assertThat(value).isEqualTo(new BigDecimal("48.33"));
    }

    @Test
    void parse_whenTypographicMinus_thenNegative() {
        // given: U+2212 MINUS SIGN, as word processors write it
        String text = "\u221223";

        // when
        BigDecimal value = DutchNumbers.parse(text);

        // then
        assertThat(value).isEqualByComparingTo("-23");
    }

    @Test
    void parse_whenNonBreakingSpaceAsThousandsSeparator_thenIgnored() {
        // given
        String text = "1\u00a0234,5";

        // when
        BigDecimal value = DutchNumbers.parse(text);

        // then
        assertThat(value).isEqualByComparingTo("1234.5");
    }

    @ParameterizedTest
    @CsvSource({"abc", "12abc", "'1,2,3'", "%", "--5", "''"})
    void parse_whenNotANumber_thenRejectedWithTheText(String text) {
        // given: garbage

        // when / then
        assertThatThrownBy(() -> DutchNumbers.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a number");
    }

    @Test
    void parse_whenAbc_thenMessageNamesTheValue() {
        // given
        String text = "abc";

        // when / then
        assertThatThrownBy(() -> DutchNumbers.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'abc' is not a number");
    }

    @Test
    void parse_whenNull_thenNoNumber() {
        // given / when / then
        assertThatThrownBy(() -> DutchNumbers.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no number");
    }

    @Test
    void parse_whenCbsDecimalWithLeadingZeroAndThreeDecimals_thenDecimalNotThousands() {
        // given: a CBS-style decimal point; "0.500" can never be thousands grouping
        String text = "0.500";

        // when
        BigDecimal value = DutchNumbers.parse(text);

        // then
        assertThat(value).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "3,0    | 3",
            "3      | 3",
            "1.031  | 1031",
            "100    | 100",
            "-2     | -2",
            "4,00%  | 4",
    })
    void parseWhole_whenWholeValue_thenInt(String text, int expected) {
        // given: a whole number, possibly with zero decimals

        // when
        int value = DutchNumbers.parseWhole(text);

        // then
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void parseWhole_whenFraction_thenNotAWholeNumber() {
        // given
        String text = "2,5";

        // when / then
        assertThatThrownBy(() -> DutchNumbers.parseWhole(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2,5' is not a whole number");
    }

    @Test
    void parseWhole_whenGarbage_thenNotANumber() {
        // given
        String text = "drie";

        // when / then
        assertThatThrownBy(() -> DutchNumbers.parseWhole(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'drie' is not a number");
    }

    @Test
    void parseWhole_whenBeyondIntRange_thenNotAWholeNumber() {
        // given
        String text = "3.000.000.000";

        // when / then
        assertThatThrownBy(() -> DutchNumbers.parseWhole(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'3.000.000.000' is not a whole number");
    }
}
