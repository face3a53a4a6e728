package nl.opvangmonitor.cli;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_YEARLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.ingest.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** A load killed with SIGKILL halfway leaves the published warehouse untouched; the next load completes the work. */
class KillAndRestartIT {

    @TempDir
    Path temp;

    @Test
    void load_whenKilledMidRunAndRunAgain_thenResultEqualsACleanRun() throws Exception {
        // given: last night's warehouse holds the targets only
        Path input = temp.resolve("input");
        Files.createDirectories(input);
        FileSystemUtils.copyRecursively(Path.of("input/streefwaarden"), input.resolve("streefwaarden"));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(Application.run("load", "--input", input.toString(), "--warehouse", warehouse.toString())).isZero();
        String lastNight = Fingerprint.of(warehouse).sha256();

        // when: tonight's load of the full sample is killed (SIGKILL) once its first file is done
        FileSystemUtils.copyRecursively(Path.of("input"), input);
        Path err = temp.resolve("load.err");
        Process load = ChildJvm.start(Path.of("").toAbsolutePath(), temp.resolve("load.out"), err, Application.class.getName(),
                "load", "--input", input.toString(), "--warehouse", warehouse.toString());
        awaitLog(err, "done:", load);
        load.destroyForcibly();
        assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then: the published warehouse is exactly last night's
        assertThat(Fingerprint.of(warehouse).sha256()).isEqualTo(lastNight);

        // when: the next load runs
        var restart = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());

        // then: it notices the interrupted run and its result equals one clean run on the same files
        assertThat(restart.exitCode()).isZero();
        assertThat(restart.out()).contains("was interrupted; its unfinished build is discarded");
        Path clean = temp.resolve("clean/opvangmonitor.duckdb");
        assertThat(Application.run("load", "--input", input.toString(), "--warehouse", clean.toString())).isZero();
        assertThat(snapshot(warehouse)).isEqualTo(snapshot(clean));
        var history = CommandLineRunner.run("history", "--warehouse", warehouse.toString());
        assertThat(history.out()).contains("INTERRUPTED");
    }

    /** Row counts of the facts and every indicator value, as text. */
    private static List<String> snapshot(Path warehouse) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            List<String> rows = new java.util.ArrayList<>(List.of(
                    "meldingen " + w.dsl.fetchCount(FCT_MELDING), "verblijven " + w.dsl.fetchCount(FCT_VERBLIJF)));
            w.dsl.selectFrom(INDICATOR_YEARLY)
                    .orderBy(INDICATOR_YEARLY.INDICATOR_CODE, INDICATOR_YEARLY.MUNICIPALITY_CODE, INDICATOR_YEARLY.REGION_CODE, INDICATOR_YEARLY.YEAR)
                    .forEach(r -> rows.add(r.getIndicatorCode() + " " + r.getMunicipalityCode() + " " + r.getRegionCode() + " "
                            + r.getYear() + " " + r.getValue() + " " + r.getNumerator() + " " + r.getDenominator() + " " + r.getTargetMet()));
            assertThat(rows.size()).isGreaterThan(100);
            return rows;
        }
    }

    private static void awaitLog(Path file, String text, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the load ended before it could be killed: " + Files.readString(file));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the load never logged '" + text + "'");
    }
}
