package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.common.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row-by-row source: a file whose rows cannot be written fails on its own, with its cause; the night goes on. */
class TooWideTargetJobIT {

    static final String HEADER = "indicator;gemeente;jaar;streefwaarde;bron;publicatiedatum\n";

    @TempDir
    Path temp;

    @Test
    void load_whenATargetIsTooWideForItsColumn_thenOnlyThatFileIsAffected() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/streefwaarden"));
        Files.writeString(folder.resolve("good.csv"), HEADER + "hg_duur_kort;GM0599;2019;>55%;Begroting 2021;05-11-2020\n");
        Files.writeString(folder.resolve("too_wide.csv"), HEADER + "hg_duur_kort;GM0014;2019;>1000000000000000000;Begroting 2021;05-11-2020\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> status = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS).from(LOAD_FILE)
                    .fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS);
            assertThat(status).containsEntry("streefwaarden/good.csv", "LOADED").containsEntry("streefwaarden/too_wide.csv", "FAILED");
            assertThat(w.dsl.fetchCount(FCT_TARGET)).isEqualTo(1);
            // the writer's failure, named by its kind (the driver's text may quote the value, so it stops there)
            assertThat(w.dsl.select(LOAD_FILE.MESSAGE).from(LOAD_FILE).where(LOAD_FILE.FILE_PATH.eq("streefwaarden/too_wide.csv"))
                    .fetchOne(LOAD_FILE.MESSAGE)).startsWith("load failed: SQLException: Appender error");
        }
    }
}
