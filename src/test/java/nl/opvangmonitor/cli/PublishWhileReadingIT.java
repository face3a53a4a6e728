package nl.opvangmonitor.cli;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import nl.opvangmonitor.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BI tool in another JVM keeps a read-only connection open while the nightly load publishes. */
class PublishWhileReadingIT {

    @TempDir
    Path temp;

    @Test
    void load_whenAnotherProcessHoldsTheWarehouseOpen_thenReaderNeverFailsAndNewConnectionsSeeTheNewWarehouse() throws Exception {
        // given: a published warehouse with 2 meldingen and a reader in another JVM holding it open
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};
        Files.writeString(vt.resolve("a.csv"), IncrementalLoadIT.rows(1, 2));
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();
        Path out = temp.resolve("reader.out");
        Path stop = temp.resolve("stop");
        Process reader = ChildJvm.start(temp, out, temp.resolve("reader.err"), ReaderProcess.class.getName(), warehouse.toString(), stop.toString());
        awaitLine(out, "count 2", reader);

        // when: the nightly load brings 3 more meldingen and publishes
        Files.writeString(vt.resolve("b.csv"), IncrementalLoadIT.rows(3, 5));
        var night = CommandLineRunner.run(load);
        Thread.sleep(300); // the reader queries a few more times after the publish
        Files.createFile(stop);

        // then
        assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(night.exitCode()).isZero();
        assertThat(night.out()).contains("Published");
        var lines = Files.readAllLines(out);
        assertThat(reader.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).isEqualTo("count 2"));
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo(5);
        }
    }

    static void awaitLine(Path file, String line, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file) && Files.readAllLines(file).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the child process stopped early: " + (Files.exists(file) ? Files.readString(file) : ""));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line '" + line + "' from the child process");
    }
}
