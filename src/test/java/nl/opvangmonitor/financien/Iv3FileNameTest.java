package nl.opvangmonitor.financien;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Iv3FileNameTest {

    static final Map<String, String> VERSIONS = Map.of("jaarrekening", "realisatie", "realisatie", "realisatie",
            "begroting", "begroting", "bijgestelde begroting", "bijgestelde_begroting");
    static final Function<String, Optional<String>> VERSION_OF = w -> Optional.ofNullable(VERSIONS.get(w));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "michielsd_iv3_2023_jaarrekening_taakveld_totalen.csv, 2023, realisatie",
            "michielsd_iv3_2025_begroting_taakveld_totalen.csv, 2025, begroting",
            "2023_jaarrekening.csv, 2023, realisatie",
            "2025_begroting.csv, 2025, begroting",
            "Begroting 2024.CSV, 2024, begroting",
            "iv3-2024-bijgestelde_begroting.csv, 2024, bijgestelde_begroting",
            "realisatie_2022_cbs.xlsx, 2022, realisatie"})
    void parse_whenNameHoldsYearAndVersion_thenBoth(String name, int year, String version) {
        // when
        var parsed = Iv3FileName.parse(name, VERSION_OF);

        // then
        assertThat(parsed).contains(new Iv3FileName.YearVersion(year, version));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iv3_taakvelden.csv", "2023.csv", "jaarrekening.csv", "iv3_2023_kwartaal3.csv"})
    void parse_whenNameLacksYearOrVersion_thenEmpty(String name) {
        // when
        var parsed = Iv3FileName.parse(name, VERSION_OF);

        // then
        assertThat(parsed).isEmpty();
    }
}
