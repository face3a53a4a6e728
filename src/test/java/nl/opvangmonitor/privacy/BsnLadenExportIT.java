package nl.opvangmonitor.privacy;

import static nl.opvangmonitor.db.audit.Tables.CHECK_RESULT;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import nl.opvangmonitor.ingest.ScanScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export full of (synthetic, elfproef-valid) BSNs leaves none in the warehouse, the logs or the rejects. */
class BsnLadenExportIT {

    static final String HEADER = "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;"
            + "veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement\n";

    @TempDir
    Path temp;

    @Test
    void load_whenClientIdsAreBsns_thenNoBsnAnywhereAndPseudonymsDependOnTheKey() throws Exception {
        // given: 50 meldingen identified by BSN, some with bad values so that they are rejected
        List<String> bsns = BsnGuardTest.syntheticBsns(50, 7);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < bsns.size(); i++) {
            String bsn = i % 2 == 0 ? bsns.get(i) : bsns.get(i).substring(0, 3) + "." + bsns.get(i).substring(3, 6) + "." + bsns.get(i).substring(6);
            String date = i % 10 == 0 ? "32-01-2020" : "01-02-2020";
            csv.append("M").append(i).append(';').append(bsn).append(';').append(date).append(";GM0599;partnergeweld;3;ja;ja;nee;;nee\n");
        }
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("bsn.csv"), csv);
        Path keyA = Files.writeString(temp.resolve("key-a"), "a-secret-key-for-this-test-only-1");
        Path keyB = Files.writeString(temp.resolve("key-b"), "another-secret-key-for-this-test-2");
        Path warehouseA = temp.resolve("a/opvangmonitor.duckdb");
        Path warehouseB = temp.resolve("b/opvangmonitor.duckdb");

        // when
        var runA = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouseA.toString(),
                "--opvangmonitor.pseudonym.key-file=" + keyA, "--logging.level.nl.opvangmonitor=DEBUG");
        var runB = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouseB.toString(),
                "--opvangmonitor.pseudonym.key-file=" + keyB);

        // then: loaded with 5 rejects, the guard passed, and no BSN in output, warehouse text or any file written
        assertThat(runA.exitCode()).isEqualTo(2);
        assertThat(runA.out()).contains("Checks: 100 of 100 passed.");
        for (String bsn : bsns) {
            assertThat(runA.out() + runA.err()).doesNotContain(bsn).doesNotContain(bsn.substring(0, 3) + "." + bsn.substring(3, 6));
        }
        try (Warehouse w = Warehouse.open(warehouseA)) {
            assertThat(BsnGuard.scan(w.dsl, new ScanScope.Scope(0, true, "full"))).isEmpty();
            assertThat(w.dsl.select(CHECK_RESULT.PASSED).from(CHECK_RESULT).where(CHECK_RESULT.CHECK_NAME.eq("no_bsn_in_text_columns"))
                    .fetchOne(CHECK_RESULT.PASSED)).isTrue();
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo(45);
        }
        try (Stream<Path> files = Files.walk(temp.resolve("a"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bsns).as(file.toString()).noneMatch(bytes::contains);
            }
        }
        try (Warehouse a = Warehouse.open(warehouseA); Warehouse b = Warehouse.open(warehouseB)) {
            var keysA = a.dsl.select(FCT_MELDING.CLIENT_KEY).from(FCT_MELDING).orderBy(FCT_MELDING.MELDING_ID).fetch(FCT_MELDING.CLIENT_KEY);
            var keysB = b.dsl.select(FCT_MELDING.CLIENT_KEY).from(FCT_MELDING).orderBy(FCT_MELDING.MELDING_ID).fetch(FCT_MELDING.CLIENT_KEY);
            assertThat(keysA).hasSize(45).doesNotHaveDuplicates();
            for (int i = 0; i < keysA.size(); i++) {
                assertThat(keysA.get(i)).isNotEqualTo(keysB.get(i));
            }
        }
    }

    @Test
    void load_whenABsnSlipsIntoAnotherColumn_thenThePublishIsRefusedWithoutShowingIt() throws Exception {
        // given: an export that put the BSN in the melding_id column too
        String bsn = BsnGuardTest.syntheticBsns(1, 11).getFirst();
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("leak.csv"), HEADER + bsn + ";" + bsn + ";01-02-2020;GM0599;partnergeweld;3;ja;ja;nee;;nee\n");

        // when
        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse",
                temp.resolve("wh/opvangmonitor.duckdb").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("FAILED core, audit no_bsn_in_text_columns: 1 BSN-like value(s) in core.fct_melding.melding_id")
                .doesNotContain(bsn);
        assertThat(run.err()).doesNotContain(bsn);
        assertThat(temp.resolve("wh/opvangmonitor.duckdb")).doesNotExist();
    }

    @Test
    void load_whenProductionRunHasNoKey_thenRefusesToStartNamingTheKey() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input/veiligthuis")).getParent();
        var run = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", temp.resolve("wh/w.duckdb").toString(),
                "--spring.profiles.active=production");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no pseudonymisation key: set the environment variable OPVANGMONITOR_PSEUDONYM_KEY");
    }
}
