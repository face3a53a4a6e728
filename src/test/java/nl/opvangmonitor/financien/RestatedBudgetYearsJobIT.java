package nl.opvangmonitor.financien;

import nl.opvangmonitor.Warehouse;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_LINE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Council documents restate earlier years: the Begroting 2022 repeats the Begroting 2021. Two such tables of
 * one gemeente and taakveld must not add up; the most recent document counts for the years both hold.
 */
class RestatedBudgetYearsJobIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static FinanceLoad.Run run;

    @BeforeAll
    static void loadTwoDocuments() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/financien"));
        // the taakveld is only in the file name here
        FinanceLoad.writeWorkbook(folder.resolve("rotterdam_6.81_begroting_2021.xlsx"),
                new String[] {"Gemeente Rotterdam"},
                new String[] {"", "Begroting 2021", "Raming 2022"},
                new String[] {"Baten", "10", "10"}, new String[] {"Huren", "10", "10"},
                new String[] {"Lasten", "100", "100"}, new String[] {"Subsidies", "100", "100"});
        FinanceLoad.writeWorkbook(folder.resolve("rotterdam_6.81_begroting_2022.xlsx"),
                new String[] {"Gemeente Rotterdam"},
                new String[] {"", "Begroting 2021", "Begroting 2022"},
                new String[] {"Baten", "12", "14"}, new String[] {"Huren", "12", "14"},
                new String[] {"Lasten", "120", "140"}, new String[] {"Subsidies", "120", "140"});
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        run = FinanceLoad.load(temp.resolve("input"), warehouse);
    }

    @Test
    void budgetLine_whenTwoDocumentsHoldTheSameYear_thenTheMostRecentDocumentCounts() throws Exception {
        assertThat(run.exitCode()).isZero();
        try (Warehouse w = Warehouse.open(warehouse)) {
            var lines = w.dsl.select(BUDGET_LINE.VERSION, BUDGET_LINE.YEAR, BUDGET_LINE.CATEGORY_PATH, BUDGET_LINE.AMOUNT_KEUR, BUDGET_LINE.FILE_PATH)
                    .from(BUDGET_LINE).orderBy(BUDGET_LINE.VERSION, BUDGET_LINE.YEAR, BUDGET_LINE.CATEGORY_PATH).fetch();
            assertThat(lines).extracting(r -> r.value1(), r -> r.value2(), r -> r.value3(), r -> r.value4().intValueExact(), r -> r.value5())
                    .containsExactly(
                            tuple("begroting", 2021, "Baten > Huren", 12, "financien/rotterdam_6.81_begroting_2022.xlsx"),
                            tuple("begroting", 2021, "Lasten > Subsidies", 120, "financien/rotterdam_6.81_begroting_2022.xlsx"),
                            tuple("begroting", 2022, "Baten > Huren", 14, "financien/rotterdam_6.81_begroting_2022.xlsx"),
                            tuple("begroting", 2022, "Lasten > Subsidies", 140, "financien/rotterdam_6.81_begroting_2022.xlsx"),
                            tuple("raming", 2022, "Baten > Huren", 10, "financien/rotterdam_6.81_begroting_2021.xlsx"),
                            tuple("raming", 2022, "Lasten > Subsidies", 100, "financien/rotterdam_6.81_begroting_2021.xlsx"));
            var saldo2021 = w.dsl.select(BUDGET_SUMMARY.SALDO_KEUR).from(BUDGET_SUMMARY)
                    .where(BUDGET_SUMMARY.GROUPING_LEVEL.eq("taakveld"), BUDGET_SUMMARY.TASK_FIELD_CODE.eq("6.81"),
                            BUDGET_SUMMARY.VERSION.eq("begroting"), BUDGET_SUMMARY.YEAR.eq(2021))
                    .fetchSingle().value1();
            assertThat(saldo2021).isEqualByComparingTo("-108");
        }
        assertThat(run.out()).contains("finance: council table (wide): gemeente Rotterdam, taakveld 6.81 Geëscaleerde zorg 18+, "
                + "columns Begroting 2021, Raming 2022");
    }
}
