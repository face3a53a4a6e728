package nl.opvangmonitor.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import nl.opvangmonitor.common.parse.TargetNotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetNotationTest {

    private static final boolean HIGHER_IS_BETTER = true;
    private static final boolean LOWER_IS_BETTER = false;

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            ">55%    | >  | 55",
            "<200    | <  | 200",
            ">=70    | >= | 70",
            "<=10    | <= | 10",
            "=3      | =  | 3",
            "> 55 %  | >  | 55",
            "≥ 5     | >= | 5",
            "≤5      | <= | 5",
            ">48,5%  | >  | 48.5",
    })
    void parse_whenExplicitOperator_thenThatOperatorAndValue(String text, String operator, String value) {
        // given: a target with its own operator

        // when
        Target target = TargetNotation.parse(text, HIGHER_IS_BETTER);

        // then
        assertThat(target.operator()).isEqualTo(operator);
        assertThat(target.value()).isEqualByComparingTo(value);
        assertThat(target.upper()).isNull();
    }

    @Test
    void parse_whenExplicitOperatorAndLowerIsBetter_thenOperatorIsNotOverruled() {
        // given
        String text = ">55%";

        // when
        Target target = TargetNotation.parse(text, LOWER_IS_BETTER);

        // then
        assertThat(target).isEqualTo(new Target(">", new BigDecimal("55"), null));
    }

    @Test
    void parse_whenBareNumberAndHigherIsBetter_thenAtLeast() {
        // given
        String text = "79%";

        // when
        Target target = TargetNotation.parse(text, HIGHER_IS_BETTER);

        // then
        assertThat(target).isEqualTo(new Target(">=", new BigDecimal("79"), null));
    }

    @Test
    void parse_whenBareNumberAndLowerIsBetter_thenAtMost() {
        // given
        String text = "79%";

        // when
        Target target = TargetNotation.parse(text, LOWER_IS_BETTER);

        // then
        assertThat(target).isEqualTo(new Target("<=", new BigDecimal("79"), null));
    }

    @Test
    void parse_whenBareZero_thenExactlyZeroWhateverTheDirection() {
        // given
        String text = "0";

        // when
        Target higher = TargetNotation.parse(text, HIGHER_IS_BETTER);
        Target lower = TargetNotation.parse(text, LOWER_IS_BETTER);

        // then
        assertThat(higher.operator()).isEqualTo("=");
        assertThat(higher.value()).isEqualByComparingTo("0");
        assertThat(lower.operator()).isEqualTo("=");
        assertThat(lower.value()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"**", "*", "-", "–", "n.v.t.", "nvt", "geen", "", "   "})
    void parse_whenNoTargetSet_thenNone(String text) {
        // given: the ways councils write "no target"

        // when
        Target target = TargetNotation.parse(text, HIGHER_IS_BETTER);

        // then
        assertThat(target).isSameAs(Target.NONE);
        assertThat(target.operator()).isNull();
        assertThat(target.value()).isNull();
    }

    @Test
    void parse_whenNull_thenNone() {
        // given / when
        Target target = TargetNotation.parse(null, HIGHER_IS_BETTER);

        // then
        assertThat(target).isSameAs(Target.NONE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"88-90%", "88–90%", "88 - 90 %", "88% - 90%", "88 t/m 90", "88 tot 90"})
    void parse_whenRange_thenBetweenLowerAndUpper(String text) {
        // given: a range with a hyphen, an en dash or words

        // when
        Target target = TargetNotation.parse(text, HIGHER_IS_BETTER);

        // then
        assertThat(target.operator()).isEqualTo("between");
        assertThat(target.value()).isEqualByComparingTo("88");
        assertThat(target.upper()).isEqualByComparingTo("90");
    }

    @Test
    void parse_whenRangeWithDecimalCommas_thenDutchNumbers() {
        // given
        String text = "1,5-2,5";

        // when
        Target target = TargetNotation.parse(text, LOWER_IS_BETTER);

        // then
        assertThat(target).isEqualTo(new Target("between", new BigDecimal("1.5"), new BigDecimal("2.5")));
    }

    @Test
    void parse_whenWords_thenNotATarget() {
        // given
        String text = "veel";

        // when / then
        assertThatThrownBy(() -> TargetNotation.parse(text, HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'veel' is not a target (expected e.g. >55%, <200, 0 or **)");
    }

    @Test
    void parse_whenNoTargetWordCapitalised_thenNone() {
        // given: a cell starting with a capital, as spreadsheet users type
        String geen = "Geen";
        String nvt = "N.v.t.";

        // when
        Target fromGeen = TargetNotation.parse(geen, HIGHER_IS_BETTER);
        Target fromNvt = TargetNotation.parse(nvt, HIGHER_IS_BETTER);

        // then
        assertThat(fromGeen).isSameAs(Target.NONE);
        assertThat(fromNvt).isSameAs(Target.NONE);
    }
}
