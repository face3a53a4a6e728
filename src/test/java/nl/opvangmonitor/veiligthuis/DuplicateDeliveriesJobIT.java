package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.audit.Tables.ROW_REPLACEMENT;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries by content, rows by key: a renamed copy is skipped, a key loaded twice counts once (the newest delivery's row). */
class DuplicateDeliveriesJobIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static CommandLineRunner.Result firstNight;
    static CommandLineRunner.Result secondNight;

    static String row(String id, String gemeente) {
        return id + ";K" + id + ";01-02-2019;" + gemeente + ";partnergeweld;6;ja;ja;nee;;nee\n";
    }

    @BeforeAll
    static void twoNights() throws Exception {
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String a = BrokenExportsJobIT.HEADER + row("M1", "GM0599") + row("M2", "GM0599") + row("M3", "GM0599") + row("M2", "GM0014");
        Files.writeString(vt.resolve("a.csv"), a);
        firstNight = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        // the second night: the same content under a new name, a delivery correcting M3, and two files of one night sharing M10
        Files.writeString(vt.resolve("a_copy.csv"), a);
        Files.writeString(vt.resolve("b.csv"), BrokenExportsJobIT.HEADER + row("M3", "GM0014") + row("M4", "GM0599"));
        Files.writeString(vt.resolve("c_older.csv"), BrokenExportsJobIT.HEADER + row("M10", "GM0599"));
        Files.writeString(vt.resolve("d_newer.csv"), BrokenExportsJobIT.HEADER + row("M10", "GM0014"));
        Files.setLastModifiedTime(vt.resolve("c_older.csv"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(vt.resolve("d_newer.csv"), FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        secondNight = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());
    }

    @Test
    void load_whenAFileRepeatsAKey_thenTheRepeatIsRejectedWithTheRowOfTheFirst() throws Exception {
        assertThat(firstNight.exitCode()).isEqualTo(2);
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).fetch().map(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())))
                    .containsExactly(tuple(5, "melding_id", "M2", "melding_id repeats the one on row 3 of this file"));
        }
    }

    @Test
    void load_whenTheSameContentArrivesUnderANewName_thenItIsSkippedNamingTheFirst() throws Exception {
        assertThat(secondNight.exitCode()).isZero();
        assertThat(secondNight.out()).contains("unchanged: already loaded as file 1 (the same content, delivered as veiligthuis/a.csv)");
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> status = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS).from(LOAD_FILE)
                    .where(LOAD_FILE.RUN_ID.eq(2L)).fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS);
            assertThat(status).containsEntry("veiligthuis/a_copy.csv", "SKIPPED").containsEntry("veiligthuis/b.csv", "LOADED");
        }
    }

    @Test
    void load_whenAKeyIsDeliveredAgain_thenTheNewestDeliveryCountsOnceAndTheSummarySaysWhatItReplaced() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var meldingen = w.dsl.select(FCT_MELDING.MELDING_ID, LOAD_FILE.FILE_PATH).from(FCT_MELDING)
                    .join(LOAD_FILE).on(LOAD_FILE.FILE_ID.eq(FCT_MELDING.FILE_ID)).orderBy(FCT_MELDING.MELDING_ID).fetch();
            assertThat(meldingen.map(r -> tuple(r.value1(), r.value2()))).containsExactly(
                    tuple("M1", "veiligthuis/a.csv"), tuple("M10", "veiligthuis/d_newer.csv"), tuple("M2", "veiligthuis/a.csv"),
                    tuple("M3", "veiligthuis/b.csv"), tuple("M4", "veiligthuis/b.csv"));
            assertThat(w.dsl.select(ROW_REPLACEMENT.ROWS_REPLACED, ROW_REPLACEMENT.KEY_COLUMN).from(ROW_REPLACEMENT)
                    .orderBy(ROW_REPLACEMENT.FILE_ID).fetch().map(r -> tuple(r.value1(), r.value2())))
                    .containsExactly(tuple(1L, "melding_id"), tuple(1L, "melding_id"));
        }
        assertThat(secondNight.out())
                .contains("replaced 1 row(s) of veiligthuis/a.csv (file 1): the same melding_id, this newer delivery counts")
                .containsPattern("replaced 1 row\\(s\\) of veiligthuis/c_older.csv \\(file \\d+\\): the same melding_id");
    }

    @Test
    void status_whenALoadedDeliveryIsRemovedFromTheInput_thenItStaysLoadedAndStatusListsIt() throws Exception {
        // given: a copy of the input without b.csv
        Path input = temp.resolve("input-without-b");
        org.springframework.util.FileSystemUtils.copyRecursively(temp.resolve("input"), input);
        Files.delete(input.resolve("veiligthuis/b.csv"));

        // when
        var status = CommandLineRunner.run("status", "--input", input.toString(), "--warehouse", warehouse.toString());

        // then
        assertThat(status.out()).contains("loaded, file no longer in the input: veiligthuis/b.csv (file ")
                .doesNotContain("no longer in the input: veiligthuis/a.csv");
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchCount(FCT_MELDING, FCT_MELDING.MELDING_ID.in("M3", "M4"))).isEqualTo(2);
        }
    }
}
