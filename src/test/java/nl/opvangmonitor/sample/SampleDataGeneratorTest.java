package nl.opvangmonitor.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void generate_whenRunAgain_thenCsvFilesEqualTheCommittedSample() throws Exception {
        // when
        SampleDataGenerator.generate(temp);

        // then: the committed input/ is exactly what the generator makes (regenerate with `sample --output input`)
        for (String csv : List.of("veiligthuis/vtrr_meldingen_2018-2020.csv", "veiligthuis/vtrr_meldingen_2021-2023.csv",
                "streefwaarden/streefwaarden.csv", "opvang/verblijven/verblijven_rotterdam_2022-2023.csv",
                "opvang/nachten/nachten_groningen_2019.csv", "opvang/afwijzingen/afwijzingen_groningen_2019.csv",
                "gepubliceerd/gepubliceerd.csv")) {
            assertThat(Files.readAllBytes(temp.resolve(csv))).as(csv).isEqualTo(Files.readAllBytes(Path.of("input").resolve(csv)));
        }
        assertThat(temp.resolve("veiligthuis/veilig_thuis_groningen_2018-2019.xlsx")).exists();
    }

    @Test
    void rows_whenRotterdam2019_thenMarginalsMatchThePublishedFigures() {
        // given
        VeiligThuisSample sample = SampleDataGenerator.ROTTERDAM.get(1);

        // when
        var rows = sample.rows(new java.util.Random(1), new VeiligThuisSample.IdSequence("T"));

        // then
        long known = rows.stream().filter(r -> !r[5].isEmpty()).count();
        long shortDuration = rows.stream().filter(r -> !r[5].isEmpty() && Integer.parseInt(r[5]) < 12).count();
        long assessed = rows.stream().filter(r -> r[6].equals("ja") && !r[7].isEmpty()).count();
        long safe = rows.stream().filter(r -> r[6].equals("ja") && r[7].equals("ja")).count();
        assertThat(known).isEqualTo(8856);
        assertThat(Math.round(100.0 * shortDuration / known)).isEqualTo(64);
        assertThat(assessed).isEqualTo(202);
        assertThat(Math.round(100.0 * safe / assessed)).isEqualTo(86);
        assertThat(rows).allSatisfy(r -> assertThat(r[3]).isEqualTo("GM0599"));
    }
}
