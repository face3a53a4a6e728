package nl.opvangmonitor.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceColumnsTest {

    private static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("melding_id", "datum_melding"), List.of("status"));

    @Test
    void canonicalFor_whenHeaderWithSpacesAndCapitals_thenCanonicalColumn() {
        // given
        String header = "  Melding ID ";

        // when
        String column = COLUMNS.canonicalFor(header);

        // then
        assertThat(column).isEqualTo("melding_id");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"melding_id", "MELDING_ID", "Melding_Id", "melding id", "Melding-ID", "melding.id", "\ufeffmelding_id", "(melding id)"})
    void canonicalFor_whenAnyCaseOrSeparator_thenSameColumn(String header) {
        // given: a header spelled differently

        // when
        String column = COLUMNS.canonicalFor(header);

        // then
        assertThat(column).isEqualTo("melding_id");
    }

    @Test
    void canonicalFor_whenOptionalColumn_thenThatColumn() {
        // given
        String header = "Status";

        // when
        String column = COLUMNS.canonicalFor(header);

        // then
        assertThat(column).isEqualTo("status");
    }

    @Test
    void canonicalFor_whenAliasedExportHeader_thenCanonicalColumn() {
        // given: this export calls melding_id "MeldingNr"
        SourceColumns columns = COLUMNS.withAliases(Map.of("melding_id", "MeldingNr"));

        // when
        String column = columns.canonicalFor("meldingnr");

        // then
        assertThat(column).isEqualTo("melding_id");
    }

    @Test
    void canonicalFor_whenAliasConfigured_thenCanonicalHeaderStillMatches() {
        // given
        SourceColumns columns = COLUMNS.withAliases(Map.of("melding_id", "MeldingNr"));

        // when
        String column = columns.canonicalFor("Melding ID");

        // then
        assertThat(column).isEqualTo("melding_id");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Postcode", "melding", "", "   ", "___"})
    void canonicalFor_whenUnknownOrEmptyHeader_thenNull(String header) {
        // given: a header that is not one of the columns

        // when
        String column = COLUMNS.canonicalFor(header);

        // then
        assertThat(column).isNull();
    }

    @Test
    void canonicalFor_whenNull_thenNull() {
        // given / when
        String column = COLUMNS.canonicalFor(null);

        // then
        assertThat(column).isNull();
    }

    @Test
    void withAliases_whenNull_thenNoAliasesAndColumnsKept() {
        // given / when
        SourceColumns columns = COLUMNS.withAliases(null);

        // then
        assertThat(columns.aliases()).isEmpty();
        assertThat(columns.required()).containsExactly("melding_id", "datum_melding");
        assertThat(columns.optional()).containsExactly("status");
    }

    @Test
    void all_whenRequiredAndOptional_thenRequiredFirst() {
        // given / when
        List<String> all = COLUMNS.all();

        // then
        assertThat(all).containsExactly("melding_id", "datum_melding", "status");
    }
}
