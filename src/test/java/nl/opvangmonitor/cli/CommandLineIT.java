package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a scheduler sees: every wrong command line or input folder exits with its code and one clear line. */
class CommandLineIT {

    @TempDir
    Path temp;

    @Test
    void run_whenNoCommand_thenUsageAndExit64() {
        var result = CommandLineRunner.run();

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).startsWith("no command given\nusage: opvangmonitor <command> [options]\n  load ");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "--inptu=x => unknown option --inptu; did you mean --input?",
            "--warehose => unknown option --warehose; did you mean --warehouse?",
            "--opvangmonitor.sources.veiligthuis.colums.melding_id=MeldingNummer => unknown property "
                    + "opvangmonitor.sources.veiligthuis.colums.melding_id; did you mean opvangmonitor.sources.veiligthuis.columns.melding_id?",
            "--opvangmonitor.sources.veiligthuiz.columns.melding_id=MeldingNummer => unknown property "
                    + "opvangmonitor.sources.veiligthuiz.columns.melding_id; did you mean opvangmonitor.sources.veiligthuis.columns.melding_id?",
            "--opvangmonitor.sources.veiligthuis.columns.meldingnr=X => unknown property "
                    + "opvangmonitor.sources.veiligthuis.columns.meldingnr; did you mean opvangmonitor.sources.veiligthuis.columns.melding_id?",
            "--opvangmonitor.stale-after-days.veiligthuiss=10 => unknown property "
                    + "opvangmonitor.stale-after-days.veiligthuiss; did you mean opvangmonitor.stale-after-days.veiligthuis?",
            "--spring.profile.active=production => unknown property spring.profile.active; did you mean spring.profiles.active?",
            "--opvangmonitor.parallelfiles=1 => ''",
            "--logging.level.nl.opvangmonitor=DEBUG => ''"})
    void load_whenOptionOrPropertyIsMisspelt_thenExit64NamingItAndTheNearestValidOne(String arg, String message) {
        // given an input folder that does not exist: a valid command line gets past the check and fails on it
        String missing = temp.resolve("nowhere").toString();

        // when
        var result = CommandLineRunner.run("load", arg, "--input", missing, "--warehouse", temp.resolve("w/o.duckdb").toString());

        // then
        if (message.isEmpty()) {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Run failed: the input folder " + missing + " does not exist\n");
        } else {
            assertThat(result.exitCode()).isEqualTo(64);
            assertThat(result.err()).startsWith(message + "\nusage: opvangmonitor");
        }
        assertThat(temp.resolve("w")).doesNotExist();
    }

    @Test
    void run_whenCommandIsMisspelt_thenExit64WithTheNearestCommand() {
        var result = CommandLineRunner.run("staus");

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).startsWith("unknown command staus; did you mean status?\n");
    }

    @Test
    void run_whenACommandWithItsOwnOptionsIsMisspeltOrNotFirst_thenExit64NamingIt() {
        var misspelt = CommandLineRunner.run("reprot");
        var notFirst = CommandLineRunner.run("--input", "x", "report");

        assertThat(misspelt.exitCode()).isEqualTo(64);
        assertThat(misspelt.err()).startsWith("unknown command reprot; did you mean report?\n");
        assertThat(notFirst.exitCode()).isEqualTo(64);
        assertThat(notFirst.err()).startsWith("report takes its options after its name: opvangmonitor report [options]\n");
    }

    @Test
    void load_whenInputFolderIsMissingUnreadableOrHoldsNoSourceFolder_thenExit1InOneLineAndNothingPublished() throws Exception {
        // given
        Path warehouse = temp.resolve("w/opvangmonitor.duckdb");
        Path missing = temp.resolve("missing");
        Path notAFolder = Files.writeString(temp.resolve("input.txt"), "not a folder");
        Path noSources = Files.createDirectories(temp.resolve("other/veiligthuis-2024"));

        // when / then
        for (var c : List.of(
                new Object[] {missing, "the input folder " + missing + " does not exist"},
                new Object[] {notAFolder, "the input folder " + notAFolder + " cannot be read"},
                new Object[] {noSources.getParent(), "the input folder " + noSources.getParent() + " holds none of the source folders "
                        + "veiligthuis, opvang/verblijven, opvang/nachten, opvang/afwijzingen, financien, streefwaarden, gepubliceerd"})) {
            var result = CommandLineRunner.run("load", "--input", c[0].toString(), "--warehouse", warehouse.toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Run failed: " + c[1] + "\n");
            assertThat(result.out()).isEmpty();
        }
        assertThat(temp.resolve("w")).doesNotExist();
    }

    @Test
    void statusAndHistory_whenNothingWasEverLoaded_thenSaySoAndCreateNoFolderOrFile() throws Exception {
        // given
        Path warehouse = temp.resolve("w/opvangmonitor.duckdb");

        // when
        var status = CommandLineRunner.run("status", "--warehouse", warehouse.toString());
        var history = CommandLineRunner.run("history", "--warehouse", warehouse.toString());

        // then
        assertThat(status.exitCode()).isEqualTo(5);
        assertThat(status.out()).isEqualTo("Nothing published yet at " + warehouse + ".\n");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).isEqualTo("No load has run yet with warehouse " + warehouse + " (no job repository opvangmonitor-jobs.mv.db).\n");
        assertThat(status.err() + history.err()).isEmpty();
        try (Stream<Path> created = Files.list(temp)) {
            assertThat(created).isEmpty();
        }
    }

    @Test
    void load_whenApplicationPropertiesHoldsAMisspeltName_thenExit64NamingFileAndNearestName() throws Exception {
        // given an application.properties in the working folder, as next to the jar
        Files.writeString(temp.resolve("application.properties"), "opvangmonitor.parallel-files=1\nopvangmonitor.suppression.min-cont=5\n");

        // when
        Process process = ChildJvm.start(temp, temp.resolve("out.txt"), temp.resolve("err.txt"), nl.opvangmonitor.Application.class.getName(), "status");

        // then
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(64);
        assertThat(Files.readString(temp.resolve("err.txt"))).startsWith("application.properties: unknown property opvangmonitor.suppression.min-cont; "
                + "did you mean opvangmonitor.suppression.min-count?\nusage: opvangmonitor");
    }

    @Test
    void jar_whenStartedByJavaOlderThan21_thenOneLineNamingTheVersionAndExit1() throws Exception {
        // given a Java older than 21, as cron's /usr/bin/java may be
        Optional<Path> oldJava = olderJava();
        assumeTrue(oldJava.isPresent(), "no Java older than 21 installed");

        // when the jar's entry point starts on it
        Process process = new ProcessBuilder(oldJava.get().toString(), "-cp", "target/classes", "nl.opvangmonitor.Launcher", "status")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        // then
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).matches("opvangmonitor needs Java 21 or newer; this is Java 1[0-9] \\(.*\\)\\. "
                + "Run it with a JDK 21\\+ \\(set JAVA_HOME\\) or use \\./opvangmonitor\\.\n");
    }

    private static Optional<Path> olderJava() throws Exception {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(j -> j.getFileName().toString().matches(".*-1[1-7]-.*|openjdk-1[1-7]"))
                    .map(j -> j.resolve("bin/java")).filter(Files::isExecutable).findFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
