package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.common.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row-by-row source: a value its fact column cannot store is a rejected row with its reason, never a failed write. */
class TooWideTargetJobIT {

    static final String HEADER = "indicator;gemeente;jaar;streefwaarde;bron;publicatiedatum\n";

    @TempDir
    Path temp;

    @Test
    void load_whenATargetIsTooWideForItsColumn_thenThatRowIsRejectedByTheColumnsBound() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/streefwaarden"));
        Files.writeString(folder.resolve("good.csv"), HEADER + "hg_duur_kort;GM0599;2019;>55%;Begroting 2021;05-11-2020\n");
        Files.writeString(folder.resolve("too_wide.csv"), HEADER + "hg_duur_kort;GM0014;2019;>1000000000000000000;Begroting 2021;05-11-2020\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> status = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS).from(LOAD_FILE)
                    .fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS);
            assertThat(status).containsEntry("streefwaarden/good.csv", "LOADED").containsEntry("streefwaarden/too_wide.csv", "LOADED");
            assertThat(w.dsl.fetchCount(FCT_TARGET)).isEqualTo(1);
            // the bound comes from core.fct_target.target_value, DECIMAL(18, 4); a run of seven or more digits is
            // masked in what a reject shows, as anything that could be an identifier

            assertThat(w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).fetch().map(r -> r.intoList()))
                    .containsExactly(List.of(2, "streefwaarde", "><masked>",
                            "'><masked>' does not fit the column target_value (at most 99999999999999.9999 in absolute value)"));
        }
    }
}
