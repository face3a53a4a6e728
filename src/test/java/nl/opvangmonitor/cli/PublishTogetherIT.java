package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.ingest.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** The warehouse and the public database are published together or not at all, on any file system. */
class PublishTogetherIT {

    @TempDir
    Path temp;

    Path input(String... sources) throws Exception {
        Path input = temp.resolve("input");
        for (String source : sources) {
            FileSystemUtils.copyRecursively(Path.of("input", source), input.resolve(source));
        }
        return input;
    }

    static long publishedRun(Path publicFile) throws Exception {
        try (Warehouse p = Warehouse.open(publicFile)) {
            return p.dsl.fetchOne("SELECT run_id FROM mart.publication").get(0, Long.class);
        }
    }

    @Test
    void load_whenThePublicFileIsOnAnotherFileSystem_thenItIsBuiltBesideItAndPublished() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no second file system (/dev/shm) here");
        Path publicDir = Files.createTempDirectory(shm, "publiek");
        try {
            Path publicFile = publicDir.resolve("publiek.duckdb");
            var run = CommandLineRunner.run("load", "--input", input("streefwaarden").toString(),
                    "--warehouse", temp.resolve("wh/opvangmonitor.duckdb").toString(), "--publish", publicFile.toString());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Result: COMPLETED (exit 0)");
            assertThat(publishedRun(publicFile)).isEqualTo(1);
            assertThat(publicDir.resolve(".build/publiek.build.duckdb")).doesNotExist();
        } finally {
            FileSystemUtils.deleteRecursively(publicDir);
        }
    }

    @Test
    void load_whenNothingIsNewButThePublicFileIsMissing_thenItIsRebuilt() throws Exception {
        Path input = input("streefwaarden");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString()).exitCode()).isZero();
        Files.delete(temp.resolve("wh/publiek.duckdb"));
        String warehouseBefore = Fingerprint.of(warehouse).sha256();

        var night = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());

        assertThat(night.exitCode()).isZero();
        assertThat(night.out()).contains("Nothing new").contains("was missing or not current; it is rebuilt from the published warehouse");
        assertThat(publishedRun(temp.resolve("wh/publiek.duckdb"))).isEqualTo(1);
        assertThat(Fingerprint.of(warehouse).sha256()).isEqualTo(warehouseBefore);
    }

    @Test
    void load_whenThePublicFileCannotBeReplaced_thenNeitherIsPublishedAndTheResultSaysSo() throws Exception {
        // given: last night's warehouse; tonight the public target is a folder that holds a file
        Path input = input("streefwaarden");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString()).exitCode()).isZero();
        String lastNight = Fingerprint.of(warehouse).sha256();
        FileSystemUtils.copyRecursively(Path.of("input/veiligthuis"), input.resolve("veiligthuis"));
        Path blocked = Files.createDirectories(temp.resolve("blocked/publiek.duckdb"));
        Files.writeString(blocked.resolve("in-the-way.txt"), "x");

        // when
        var night = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--publish", blocked.toString());

        // then
        assertThat(night.exitCode()).isEqualTo(1);
        assertThat(night.out()).doesNotContain("(exit 0)").contains("Not published")
                .containsPattern("Result: PUBLISH_FAILED \\(exit 1\\) in [0-9.]+ s - publish failed: cannot write " + temp.resolve("blocked"));
        assertThat(Fingerprint.of(warehouse).sha256()).isEqualTo(lastNight);
        assertThat(temp.resolve("wh/.build/opvangmonitor.duckdb.previous")).doesNotExist();
    }

    @Test
    void load_whenACrashedSessionLeftAWriteAheadLog_thenItsWorkIsKeptAndThePublishedFileOpens() throws Exception {
        // given: a read-write session on the published warehouse wrote and crashed before its checkpoint
        Path input = input("streefwaarden");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString()).exitCode()).isZero();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); var s = c.createStatement()) {
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
            s.execute("SET checkpoint_threshold = '1GB'");
            s.execute("CREATE TABLE main.note_of_the_crashed_session AS SELECT 42 AS answer");
        }
        assertThat(warehouse.resolveSibling("opvangmonitor.duckdb.wal")).exists();
        FileSystemUtils.copyRecursively(Path.of("input/veiligthuis"), input.resolve("veiligthuis"));

        // when
        var night = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());

        // then: published, no foreign log beside it, it opens read-only and holds the session's work
        assertThat(night.exitCode()).isIn(0, 2);
        assertThat(warehouse.resolveSibling("opvangmonitor.duckdb.wal")).doesNotExist();
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchOne("SELECT answer FROM main.note_of_the_crashed_session").get(0, Integer.class)).isEqualTo(42);
        }
        assertThat(publishedRun(temp.resolve("wh/publiek.duckdb"))).isEqualTo(2);
    }
}
