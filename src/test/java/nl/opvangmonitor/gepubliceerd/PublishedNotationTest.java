package nl.opvangmonitor.gepubliceerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedNotationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "64%      | 64       | 0 | true",
            "48,33%   | 48.33    | 2 | true",
            "9,4      | 9.4      | 1 | false",
            "2.097    | 2097     | 0 | false",
            "1.031    | 1031     | 0 | false",
            "-133.727 | -133727  | 0 | false",
            "573      | 573      | 0 | false"})
    void parse_whenPrintedNotation_thenValueAndPrecisionOfTheNotation(String text, String value, int decimals, boolean percent) {
        PublishedNotation parsed = PublishedNotation.parse(text);
        assertThat(parsed.value()).isEqualByComparingTo(value);
        assertThat(parsed.decimals()).isEqualTo(decimals);
        assertThat(parsed.percent()).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource({"veel", "12 personen"})
    void parse_whenNotANumber_thenTheMessageQuotesIt(String text) {
        assertThatThrownBy(() -> PublishedNotation.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a number");
    }
}
