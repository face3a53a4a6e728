package nl.opvangmonitor.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRowTest {

    private static final Map<String, Integer> INDEX = Map.of("melding_id", 0, "status", 1, "aantal", 2, "toelichting", 3);

    @Test
    void get_whenValueHasSurroundingSpaces_thenTrimmed() {
        // given
        SourceRow row = new SourceRow(1, 2, new String[] {"  M-1 ", "open", null, ""}, INDEX);

        // when
        String value = row.get("melding_id");

        // then
        assertThat(value).isEqualTo("M-1");
    }

    @Test
    void get_whenEmptyBlankOrNullCell_thenNull() {
        // given
        SourceRow row = new SourceRow(1, 2, new String[] {"M-1", "   ", null, ""}, INDEX);

        // when / then
        assertThat(row.get("status")).isNull();
        assertThat(row.get("aantal")).isNull();
        assertThat(row.get("toelichting")).isNull();
    }

    @Test
    void get_whenColumnUnknown_thenNull() {
        // given
        SourceRow row = new SourceRow(1, 2, new String[] {"M-1", "open", "3", "x"}, INDEX);

        // when
        String value = row.get("postcode");

        // then
        assertThat(value).isNull();
    }
}
