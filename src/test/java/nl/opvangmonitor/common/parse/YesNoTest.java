package nl.opvangmonitor.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoTest {

    @ParameterizedTest
    @ValueSource(strings = {"ja", "JA", "Ja", "j", "J", "yes", "true", "TRUE", "waar", "1", " ja "})
    void parse_whenYesVariant_thenTrue(String text) {
        // given: a yes in any accepted spelling

        // when
        boolean value = YesNo.parse(text);

        // then
        assertThat(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nee", "Nee", "NEE", "n", "N", "no", "false", "onwaar", "0"})
    void parse_whenNoVariant_thenFalse(String text) {
        // given: a no in any accepted spelling

        // when
        boolean value = YesNo.parse(text);

        // then
        assertThat(value).isFalse();
    }

    @Test
    void parse_whenMaybe_thenNotJaOrNee() {
        // given
        String text = "misschien";

        // when / then
        assertThatThrownBy(() -> YesNo.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'misschien' is not ja or nee");
    }

    @Test
    void parse_whenEmpty_thenNotJaOrNee() {
        // given
        String text = "";

        // when / then
        assertThatThrownBy(() -> YesNo.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'' is not ja or nee");
    }
}
