package nl.opvangmonitor.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.ingest.read.RawRow;
import nl.opvangmonitor.ingest.read.RawRowSource;
import nl.opvangmonitor.ingest.read.TabularFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinanceSampleTest {

    @TempDir
    Path temp;

    static List<RawRow> cells(Path workbook) throws Exception {
        List<RawRow> rows = new ArrayList<>();
        try (RawRowSource source = TabularFile.openRaw(workbook)) {
            RawRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void generate_whenRunAgain_thenTheCommittedFinanceSampleComesOut() throws Exception {
        // when
        FinanceSample.generate(temp);

        // then: the CSV files byte for byte, the workbook cell for cell (its zip holds timestamps)
        for (String csv : List.of(FinanceSample.LONG, FinanceSample.VARIANCE)) {
            assertThat(Files.readAllBytes(temp.resolve("financien").resolve(csv))).as(csv)
                    .isEqualTo(Files.readAllBytes(Path.of("input/financien").resolve(csv)));
        }
        assertThat(cells(temp.resolve("financien").resolve(FinanceSample.WIDE)))
                .isEqualTo(cells(Path.of("input/financien").resolve(FinanceSample.WIDE)));
    }

    @Test
    void rotterdamTable_whenDetailLinesSummed_thenTheyGiveThePublishedSaldoUpToTheCouncilsRounding() {
        // given: Realisatie 2019 .. Raming 2024 as published, and the published saldo voor reserveringen
        int[] saldo = {-133727, -154553, -122483, -112623, -110546, -108849};

        // when / then: baten - lasten of the detail lines differs from the published saldo by at most 1 (2019: 7.204 vs 7.205)
        for (int c = 0; c < saldo.length; c++) {
            int details = 0;
            for (int row : new int[] {1, 2}) {
                details += (Integer) FinanceSample.ROTTERDAM_6_81[row][c + 1];
            }
            for (int row : new int[] {5, 6, 7, 8, 10, 11, 12, 13}) {
                details -= (Integer) FinanceSample.ROTTERDAM_6_81[row][c + 1];
            }
            assertThat(Math.abs(details - saldo[c])).as("column %d", c).isLessThanOrEqualTo(1);
            assertThat(FinanceSample.ROTTERDAM_6_81[14][c + 1]).isEqualTo(saldo[c]);
        }
    }

    @Test
    void variance_whenRealisatieAgainstBijgesteldeBegroting_thenThePublishedMinus35416() {
        // when
        int variance = 0;
        for (Object[] item : FinanceSample.ZWWT_2023) {
            int difference = (Integer) item[4] - (Integer) item[3];
            variance += item[1].equals("lasten") ? -difference : difference;
        }

        // then
        assertThat(variance).isEqualTo(-35416);
    }
}
