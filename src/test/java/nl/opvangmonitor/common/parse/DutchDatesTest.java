package nl.opvangmonitor.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DutchDatesTest {

    private static final LocalDate MARCH_5_2019 = LocalDate.of(2019, 3, 5);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "05-03-2019",
            "5-3-2019",
            "05/03/2019",
            "05.03.2019",
            "2019-03-05",
            "2019-3-5",
            "2019-03-05 00:00:00",
            "2019-03-05T10:15",
            "05-03-2019 13:45",
            "  05-03-2019  ",
    })
    void parse_whenSupportedNotation_thenMarch5th2019(String text) {
        // given: the same day as different exports write it

        // when
        LocalDate date = DutchDates.parse(text);

        // then
        assertThat(date).isEqualTo(MARCH_5_2019);
    }

    @Test
    void parse_whenDayMonthOrder_thenDayFirst() {
        // given: 12-01 is 12 January in Dutch notation, not 1 December
        String text = "12-01-2020";

        // when
        LocalDate date = DutchDates.parse(text);

        // then
        assertThat(date).isEqualTo(LocalDate.of(2020, 1, 12));
    }

    @Test
    void parse_whenDayDoesNotExist_thenNotAnExistingDate() {
        // given
        String text = "31-02-2019";

        // when / then
        assertThatThrownBy(() -> DutchDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'31-02-2019' is not an existing date");
    }

    @Test
    void parse_whenIsoDayDoesNotExist_thenNotAnExistingDate() {
        // given
        String text = "2019-13-01";

        // when / then
        assertThatThrownBy(() -> DutchDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2019-13-01' is not an existing date");
    }

    @Test
    void parse_whenMonthAndYearOnly_thenNotADate() {
        // given
        String text = "03/2019";

        // when / then
        assertThatThrownBy(() -> DutchDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'03/2019' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gisteren", "5-3-19", "43529", ""})
    void parse_whenNoDate_thenNotADate(String text) {
        // given: text, a two-digit year, an Excel serial number, nothing

        // when / then
        assertThatThrownBy(() -> DutchDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)");
    }
}
