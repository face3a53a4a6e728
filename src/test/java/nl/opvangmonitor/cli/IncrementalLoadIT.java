package nl.opvangmonitor.cli;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.ingest.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly cycle: nothing new changes nothing, a new file adds, an unchanged file is skipped,
 * a corrected re-delivery under the same name replaces what it corrects, and history lists it all.
 */
class IncrementalLoadIT {

    static final String HEADER = "melding_id,client_id,meldingsdatum,gemeente,vorm_geweld,duur_geweld_maanden,in_onderzoek,"
            + "veilig_na_12_maanden,huisverbod,aantal_kinderen_huisverbod,intensief_casemanagement\n";

    @TempDir
    Path temp;

    static String rows(int from, int to) {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = from; i <= to; i++) {
            s.append("M").append(i).append(",K").append(i).append(",2020-01-0").append(1 + i % 9).append(",GM0599,partnergeweld,1,nee,,nee,,nee\n");
        }
        return s.toString();
    }

    @Test
    void load_whenNightsFollowEachOther_thenOnlyWhatIsNewChangesTheWarehouse() throws Exception {
        // given
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};
        Files.writeString(vt.resolve("januari.csv"), rows(1, 2));

        // night 1: the first delivery
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();
        assertThat(count(warehouse)).isEqualTo(2);
        String fingerprint = Fingerprint.of(warehouse).sha256();

        // night 2: nothing new -> nothing changes, not even the file
        var quiet = CommandLineRunner.run(load);
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).contains("Nothing new: the 1 file(s)");
        assertThat(Fingerprint.of(warehouse).sha256()).isEqualTo(fingerprint);

        // night 3: another file adds to the first, which is skipped unchanged
        Files.writeString(vt.resolve("februari.csv"), rows(3, 5));
        var third = CommandLineRunner.run(load);
        assertThat(third.exitCode()).isZero();
        assertThat(third.out()).contains("unchanged: already loaded as file").contains("Published");
        assertThat(count(warehouse)).isEqualTo(5);

        // night 4: a corrected january (three rows instead of two) replaces the first delivery
        Files.writeString(vt.resolve("januari.csv"), rows(1, 3).replace("M3,K3", "M3b,K3"));
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();
        assertThat(count(warehouse)).isEqualTo(6);
        try (Warehouse w = Warehouse.open(warehouse)) {
            var files = w.dsl.select(LOAD_FILE.FILE_ID, LOAD_FILE.RUN_ID, LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS, LOAD_FILE.MESSAGE)
                    .from(LOAD_FILE).orderBy(LOAD_FILE.RUN_ID, LOAD_FILE.FILE_PATH).fetch();
            assertThat(files).extracting(r -> r.value2() + " " + r.value3() + " " + r.value4()).containsExactly(
                    "1 veiligthuis/januari.csv SUPERSEDED",
                    "2 veiligthuis/februari.csv LOADED",
                    "2 veiligthuis/januari.csv SKIPPED",
                    "3 veiligthuis/februari.csv SKIPPED",
                    "3 veiligthuis/januari.csv LOADED");
            assertThat(files.get(0).value5()).isEqualTo("superseded by file " + files.get(4).value1());
            assertThat(files.get(2).value5()).isEqualTo("already loaded as file " + files.get(0).value1());
        }

        // history: three runs that published, newest first; the quiet night started no run
        var history = CommandLineRunner.run("history", "--warehouse", warehouse.toString());
        assertThat(history.exitCode()).isZero();
        assertThat(history.out().lines().skip(1).toList()).hasSize(3).allSatisfy(line -> assertThat(line).contains("COMPLETED").endsWith("yes"));

        // status: the source delivered today
        var status = CommandLineRunner.run("status", "--warehouse", warehouse.toString());
        assertThat(status.out()).containsPattern("veiligthuis\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+0 ok");
        assertThat(status.out()).contains("opvang/verblijven").contains("never").contains("STALE");
        assertThat(status.exitCode()).isEqualTo(5);
        assertThat(Files.list(warehouse.getParent().resolve(".build")).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.endsWith(".duckdb"));
    }

    @Test
    void load_whenSizeAndModificationTimeAreUnchanged_thenTheFileIsNotReadAgain() throws Exception {
        // given: january loaded
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path januari = vt.resolve("januari.csv");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};
        Files.writeString(januari, rows(1, 2));
        FileTime loadedTime = FileTime.from(Instant.parse("2026-01-31T22:15:30.123456Z"));
        Files.setLastModifiedTime(januari, loadedTime);
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();

        // touched, same content: hashed again, recognised, nothing new
        Files.setLastModifiedTime(januari, FileTime.from(Instant.parse("2026-02-01T06:00:00Z")));
        assertThat(CommandLineRunner.run(load).out()).contains("Nothing new: the 1 file(s)");

        // same size and time as loaded, other content (only a deliberate copy that keeps the time does this): trusted, not read
        Files.writeString(januari, rows(1, 2).replace("M2,K2", "M9,K9"));
        Files.setLastModifiedTime(januari, loadedTime);
        assertThat(CommandLineRunner.run(load).out()).contains("Nothing new: the 1 file(s)");

        // same size, new time, other content: a correction, loaded and replacing the first delivery
        Files.setLastModifiedTime(januari, FileTime.from(Instant.parse("2026-02-02T06:00:00Z")));
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.select(FCT_MELDING.MELDING_ID).from(FCT_MELDING).orderBy(FCT_MELDING.MELDING_ID).fetch(FCT_MELDING.MELDING_ID))
                    .containsExactly("M1", "M9");
            assertThat(w.dsl.select(LOAD_FILE.STATUS, LOAD_FILE.MODIFIED_AT).from(LOAD_FILE).orderBy(LOAD_FILE.FILE_ID).fetch()
                    .map(r -> r.value1() + " " + r.value2()))
                    .containsExactly("SUPERSEDED 2026-01-31T22:15:30.123456", "LOADED 2026-02-02T06:00");
        }
    }

    private static int count(Path warehouse) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.fetchCount(FCT_MELDING);
        }
    }
}
