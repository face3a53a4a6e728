package nl.opvangmonitor.common.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.opvangmonitor.common.io.SourceRow;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private static final long FILE_ID = 17;
    private static final int ROW_NUMBER = 42;
    private static final Set<String> IDENTIFIERS = Set.of("bsn", "client_nr");

    /** A row with the given column -> value pairs, in order. */
    private static SourceRow row(String... columnsAndValues) {
        Map<String, Integer> index = new HashMap<>();
        String[] values = new String[columnsAndValues.length / 2];
        for (int i = 0; i < values.length; i++) {
            index.put(columnsAndValues[2 * i], i);
            values[i] = columnsAndValues[2 * i + 1];
        }
        return new SourceRow(FILE_ID, ROW_NUMBER, values, index);
    }

    @Test
    void wholeNumber_whenBadValueInIdentifierColumn_thenValueMaskedAndNotInReason() {
        // given
        RowValidator validator = new RowValidator(row("bsn", "12345678X"), IDENTIFIERS);

        // when
        Integer value = validator.wholeNumber("bsn", true);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(value).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("bsn", "<masked>", "not a valid value"));
        assertThat(result.rejections().getFirst().reason()).doesNotContain("12345678X");
        assertThat(result.rejections().getFirst().value()).isEqualTo(RowValidator.MASKED);
    }

    @Test
    void date_whenOutsideTheDateDimension_thenRejectedAsProbableTypo() {
        // given: 2109 for 2019
        RowValidator validator = new RowValidator(row("meldingsdatum", "05-03-2109"), IDENTIFIERS);

        // when
        LocalDate date = validator.date("meldingsdatum", true);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(date).isNull();
        assertThat(result.rejections()).containsExactly(
                new Rejection("meldingsdatum", "05-03-2109", "date outside the supported range 2000-2040"));
    }

    @Test
    void date_whenBadValueInIdentifierColumn_thenValueMasked() {
        // given: a birth date used as identifier would leak through a parser message
        RowValidator validator = new RowValidator(row("client_nr", "31-02-1980"), IDENTIFIERS);

        // when
        validator.date("client_nr", true);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(result.rejections()).containsExactly(new Rejection("client_nr", "<masked>", "not a valid value"));
    }

    @Test
    void number_whenBadValueInOrdinaryColumn_thenValueAndParserReasonKept() {
        // given
        RowValidator validator = new RowValidator(row("aantal", "veel"), IDENTIFIERS);

        // when
        BigDecimal value = validator.number("aantal", true);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(value).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("aantal", "veel", "'veel' is not a number"));
    }

    @Test
    void requiredText_whenEmpty_thenRequiredValueIsEmpty() {
        // given
        RowValidator validator = new RowValidator(row("status", "   "), IDENTIFIERS);

        // when
        String value = validator.requiredText("status");
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(value).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("status", null, "required value is empty"));
    }

    @Test
    void date_whenRequiredAndEmpty_thenRequiredValueIsEmpty() {
        // given
        RowValidator validator = new RowValidator(row("datum_melding", ""), IDENTIFIERS);

        // when
        LocalDate value = validator.date("datum_melding", true);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(value).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("datum_melding", null, "required value is empty"));
    }

    @Test
    void typedReaders_whenOptionalAndEmpty_thenNullWithoutRejection() {
        // given
        RowValidator validator = new RowValidator(row("datum_afsluiting", null, "aantal", "", "spoed", " "), IDENTIFIERS);

        // when
        LocalDate date = validator.date("datum_afsluiting", false);
        BigDecimal number = validator.number("aantal", false);
        Boolean yesNo = validator.yesNo("spoed", false);
        Validated<String> result = validator.result(() -> "fact");

        // then
        assertThat(date).isNull();
        assertThat(number).isNull();
        assertThat(yesNo).isNull();
        assertThat(result.isRejected()).isFalse();
        assertThat(result.value()).isEqualTo("fact");
    }

    @Test
    void typedReaders_whenValidValues_thenParsed() {
        // given
        RowValidator validator = new RowValidator(
                row("datum_melding", "05-03-2019", "percentage", "48,33%", "aantal", "3,0", "spoed", "Ja", "status", " open "),
                IDENTIFIERS);

        // when
        LocalDate date = validator.date("datum_melding", true);
        BigDecimal percentage = validator.number("percentage", true);
        Integer count = validator.wholeNumber("aantal", true);
        Boolean urgent = validator.yesNo("spoed", true);
        String status = validator.requiredText("status");

        // then
        assertThat(date).isEqualTo(LocalDate.of(2019, 3, 5));
        assertThat(percentage).isEqualByComparingTo("48.33");
        assertThat(count).isEqualTo(3);
        assertThat(urgent).isTrue();
        assertThat(status).isEqualTo("open");
    }

    @Test
    void lookup_whenUnknownValue_thenUnknownWhat() {
        // given
        RowValidator validator = new RowValidator(row("gemeente", "Atlantis"), IDENTIFIERS);

        // when
        String code = validator.lookup("gemeente", name -> Optional.<String>empty(), "municipality");
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(code).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("gemeente", "Atlantis", "unknown municipality"));
    }

    @Test
    void lookup_whenKnownValue_thenResolved() {
        // given
        RowValidator validator = new RowValidator(row("gemeente", "Utrecht"), IDENTIFIERS);

        // when
        String code = validator.lookup("gemeente", name -> name.equals("Utrecht") ? Optional.of("GM0344") : Optional.empty(), "municipality");

        // then
        assertThat(code).isEqualTo("GM0344");
        assertThat(validator.result(() -> code).isRejected()).isFalse();
    }

    @Test
    void lookup_whenUnknownValueInIdentifierColumn_thenMasked() {
        // given
        RowValidator validator = new RowValidator(row("client_nr", "C-991"), IDENTIFIERS);

        // when
        validator.lookup("client_nr", nr -> Optional.empty(), "client");
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(result.rejections()).containsExactly(new Rejection("client_nr", "<masked>", "unknown client"));
    }

    @Test
    void pseudonym_whenIdentifierPresent_thenKeyedPseudonymNotTheIdentifier() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
        RowValidator validator = new RowValidator(row("bsn", "123.456.782"), IDENTIFIERS);

        // when
        java.math.BigInteger pseudonym = validator.pseudonym("bsn", pseudonymizer);

        // then
        assertThat(pseudonym).isEqualTo(pseudonymizer.pseudonym("123456782"));
        assertThat(pseudonym.toString()).doesNotContain("123456782");
    }

    @Test
    void pseudonym_whenIdentifierEmpty_thenRequiredValueIsEmpty() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
        RowValidator validator = new RowValidator(row("bsn", ""), IDENTIFIERS);

        // when
        java.math.BigInteger pseudonym = validator.pseudonym("bsn", pseudonymizer);
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(pseudonym).isNull();
        assertThat(result.rejections()).containsExactly(new Rejection("bsn", null, "required value is empty"));
    }

    @Test
    void reject_whenIdentifierColumn_thenValueMasked() {
        // given
        RowValidator validator = new RowValidator(row("bsn", "123456782"), IDENTIFIERS);

        // when
        validator.reject("bsn", "123456782", "fails the eleven test");
        validator.reject("status", "weg", "unknown status");
        Validated<Object> result = validator.result(Object::new);

        // then
        assertThat(result.rejections()).containsExactly(
                new Rejection("bsn", "<masked>", "fails the eleven test"),
                new Rejection("status", "weg", "unknown status"));
    }

    @Test
    void result_whenSeveralProblems_thenRejectedWithAllProblemsInOrderAndFactNotBuilt() {
        // given
        RowValidator validator = new RowValidator(
                row("bsn", "abc", "datum_melding", "31-02-2019", "aantal", "2,5", "status", ""), IDENTIFIERS);
        validator.wholeNumber("bsn", true);
        validator.date("datum_melding", true);
        validator.wholeNumber("aantal", true);
        validator.requiredText("status");
        AtomicBoolean factBuilt = new AtomicBoolean();

        // when
        Validated<String> result = validator.result(() -> {
            factBuilt.set(true);
            return "fact";
        });

        // then
        assertThat(result.isRejected()).isTrue();
        assertThat(result.value()).isNull();
        assertThat(result.fileId()).isEqualTo(FILE_ID);
        assertThat(result.rowNumber()).isEqualTo(ROW_NUMBER);
        assertThat(result.rejections()).containsExactly(
                new Rejection("bsn", "<masked>", "not a valid value"),
                new Rejection("datum_melding", "31-02-2019", "'31-02-2019' is not an existing date"),
                new Rejection("aantal", "2,5", "'2,5' is not a whole number"),
                new Rejection("status", null, "required value is empty"));
        assertThat(factBuilt).isFalse();
    }

    @Test
    void result_whenNoProblems_thenFactWithFileAndRow() {
        // given
        RowValidator validator = new RowValidator(row("status", "open"), IDENTIFIERS);
        String status = validator.requiredText("status");

        // when
        Validated<String> result = validator.result(() -> status);

        // then
        assertThat(result).isEqualTo(new Validated<>(FILE_ID, ROW_NUMBER, "open", List.of()));
        assertThat(result.isRejected()).isFalse();
    }
}
