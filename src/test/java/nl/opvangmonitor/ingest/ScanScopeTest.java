package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.RUN_SCAN;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import nl.opvangmonitor.privacy.BsnGuard;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a run scans all of history, and what an incremental run's BSN guard looks at. */
class ScanScopeTest {

    @TempDir
    Path temp;

    private Connection connection;
    private DSLContext dsl;

    @BeforeEach
    void migratedWarehouse() throws Exception {
        String url = "jdbc:duckdb:" + temp.resolve("w.duckdb");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migrations").load().migrate();
        connection = DriverManager.getConnection(url);
        dsl = DSL.using(connection, SQLDialect.DUCKDB);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private void fullScanRecorded(LocalDateTime at) {
        dsl.insertInto(RUN_SCAN, RUN_SCAN.RUN_ID, RUN_SCAN.IS_FULL_SCAN, RUN_SCAN.REASON, RUN_SCAN.DECIDED_AT).values(1L, true, "test", at).execute();
    }

    @Test
    void decide_whenNoFullScanIsRecorded_thenTheRunIsFull() {
        var scope = ScanScope.decide(dsl, 1, false, 7, 0);

        assertThat(scope.full()).isTrue();
        assertThat(scope.reason()).isEqualTo("no full scan recorded yet");
        assertThat(ScanScope.of(dsl, 1)).isEqualTo(scope);
    }

    @Test
    void decide_whenTheLastFullScanIsSixDaysOld_thenTheRunIsIncremental() {
        fullScanRecorded(LocalDateTime.of(LocalDate.now().minusDays(6), java.time.LocalTime.NOON));

        var scope = ScanScope.decide(dsl, 2, false, 7, 0);

        assertThat(scope.full()).isFalse();
        assertThat(scope.reason()).isEqualTo("last full scan " + LocalDate.now().minusDays(6) + " 12:00:00");
    }

    @Test
    void decide_whenTheLastFullScanIsEightDaysOld_thenTheRunIsFull() {
        fullScanRecorded(LocalDateTime.of(LocalDate.now().minusDays(8), java.time.LocalTime.NOON));

        var scope = ScanScope.decide(dsl, 2, false, 7, 0);

        assertThat(scope.full()).isTrue();
        assertThat(scope.reason()).isEqualTo("the last full scan (" + LocalDate.now().minusDays(8)
                + " 12:00:00) is more than 7 days old (opvangmonitor.full-checks-after-days)");
    }

    @Test
    void decide_whenAskedForOrTheSchemaChanged_thenTheRunIsFull() {
        fullScanRecorded(LocalDateTime.now());

        assertThat(ScanScope.decide(dsl, 2, true, 7, 0).reason()).isEqualTo("asked for (opvangmonitor.full-checks=true)");
        assertThat(ScanScope.decide(dsl, 3, false, 7, 2).reason()).isEqualTo("the schema changed (2 migration(s) applied)");
        assertThat(dsl.fetchCount(RUN_SCAN, RUN_SCAN.IS_FULL_SCAN.isTrue())).isEqualTo(3);
    }

    @Test
    void bsnGuard_whenTheRunIsIncremental_thenOnlyTheRowsOfItsOwnFilesAreScanned() {
        // given: a BSN-like value in a melding of run 1 and one in a melding of run 2
        for (long run = 1; run <= 2; run++) {
            dsl.insertInto(LOAD_FILE, LOAD_FILE.FILE_ID, LOAD_FILE.RUN_ID, LOAD_FILE.SOURCE, LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS, LOAD_FILE.STARTED_AT)
                    .values(run * 10, run, "veiligthuis", "veiligthuis/" + run + ".csv", "LOADED", LocalDateTime.now()).execute();
            dsl.insertInto(FCT_MELDING, FCT_MELDING.FILE_ID, FCT_MELDING.ROW_NUMBER, FCT_MELDING.MELDING_ID, FCT_MELDING.CLIENT_KEY,
                            FCT_MELDING.MELDING_DATE, FCT_MELDING.DATE_KEY, FCT_MELDING.MUNICIPALITY_KEY, FCT_MELDING.VORM_GEWELD,
                            FCT_MELDING.IS_IN_ONDERZOEK, FCT_MELDING.HAS_HUISVERBOD, FCT_MELDING.HAS_INTENSIEF_CASEMANAGEMENT)
                    .values(run * 10, 2, "M" + run, new java.math.BigInteger("12345678901234567890"), LocalDate.of(2024, 1, 1), 20240101, 1, "bsn 123456782", false, false, false).execute();
        }

        // when
        var incremental = BsnGuard.scan(dsl, new ScanScope.Scope(2, false, "test"));
        var full = BsnGuard.scan(dsl, new ScanScope.Scope(2, true, "test"));

        // then: the incremental run finds the value its own file brought; the full scan both
        assertThat(incremental).containsExactly(new BsnGuard.Finding("core.fct_melding", "vorm_geweld", 1));
        assertThat(full).containsExactly(new BsnGuard.Finding("core.fct_melding", "vorm_geweld", 2));
    }
}
