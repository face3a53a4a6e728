package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Council tables read through the SQL rules while their structure is recognised: the gemeente a title
 * names by CBS code or only the file name names (core.municipality_spelling), and amounts in an
 * accountant's notation (core.council_amount), which must add up to the totals the table reports.
 */
class CouncilTableNotationJobIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static FinanceLoad.Run run;

    @BeforeAll
    static void loadTwoTables() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/financien"));
        // gemeente only in the file name, over four words; (23) is -23, a lone en dash nil, a non-breaking space groups thousands
        FinanceLoad.writeWorkbook(folder.resolve("capelle_aan_den_ijssel_6.81_begroting_2024.xlsx"),
                new String[] {"", "Begroting 2024"},
                new String[] {"Baten", "100"},
                new String[] {"  Leges", "123"},
                new String[] {"  Correctie", "(23)"},
                new String[] {"Lasten", "6.400"},
                new String[] {"  Personeel", "6\u00a0400"},
                new String[] {"  Inhuur", "–"});
        // gemeente by its CBS code after 'Gemeente', in a title that names the taakveld too
        FinanceLoad.writeWorkbook(folder.resolve("begroting_opvang.xlsx"),
                new String[] {"Gemeente GM0363 - Taakveld 6.81 Geëscaleerde zorg 18+"},
                new String[] {"", "Begroting 2024"},
                new String[] {"Baten", "7.205"},
                new String[] {"  Rijksbijdrage", "7.205"});
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        run = FinanceLoad.load(temp.resolve("input"), warehouse);
    }

    @Test
    void budgetLine_whenGemeenteByFileNameOrCodeAndAccountantsNotation_thenEveryAmountUnderItsGemeente() throws Exception {
        assertThat(run.exitCode()).isZero();
        try (Warehouse w = Warehouse.open(warehouse)) {
            var lines = w.dsl.select(BUDGET_LINE.MUNICIPALITY_CODE, BUDGET_LINE.TASK_FIELD_CODE, BUDGET_LINE.CATEGORY_PATH, BUDGET_LINE.AMOUNT_KEUR)
                    .from(BUDGET_LINE).orderBy(BUDGET_LINE.MUNICIPALITY_CODE, BUDGET_LINE.ROW_NUMBER).fetch();
            assertThat(lines).extracting(r -> r.value1(), r -> r.value2(), r -> r.value3(), r -> r.value4().intValueExact())
                    .containsExactly(
                            tuple("GM0363", "6.81", "Baten > Rijksbijdrage", 7205),
                            tuple("GM0502", "6.81", "Baten > Leges", 123),
                            tuple("GM0502", "6.81", "Baten > Correctie", -23),
                            tuple("GM0502", "6.81", "Lasten > Personeel", 6400),
                            tuple("GM0502", "6.81", "Lasten > Inhuur", 0));
            assertThat(w.dsl.selectFrom(LOAD_FILE).orderBy(LOAD_FILE.FILE_PATH).fetch())
                    .extracting(f -> f.getFilePath(), f -> f.getStatus(), f -> f.getRowsRead(), f -> f.getRowsLoaded(), f -> f.getRowsRejected())
                    .containsExactly(tuple("financien/begroting_opvang.xlsx", "LOADED", 2L, 2L, 0L),
                            tuple("financien/capelle_aan_den_ijssel_6.81_begroting_2024.xlsx", "LOADED", 6L, 6L, 0L));
        }
    }
}
