package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.publish.StorageVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both files are written in the pinned storage version that DuckDB 1.x reads; a warehouse written
 * earlier in DuckDB 2.0's own format is converted by the next load, even a load with nothing new.
 */
class StorageVersionIT {

    @TempDir
    Path temp;

    @Test
    void load_whenWarehouseWasWrittenByDuckDb2_thenNextLoadConvertsBothFilesAndKeepsHistory() throws Exception {
        // given a load written the way DuckDB 2.0 writes by default
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("januari.csv"), IncrementalLoadIT.rows(1, 12));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};
        var old = CommandLineRunner.run(concat(load, "--opvangmonitor.storage-version=v2.0.0"));
        assertThat(old.exitCode()).isZero();
        assertThat(StorageVersion.of(warehouse)).isEqualTo("v2.0.0");
        assertThat(StorageVersion.of(warehouse.resolveSibling("publiek.duckdb"))).isEqualTo("v2.0.0");

        // when the next load finds nothing new (and also writes the public tables as Parquet)
        Path parquet = temp.resolve("parquet");
        var next = CommandLineRunner.run(concat(load, "--opvangmonitor.parquet=" + parquet));

        // then it converts both files, says so, the run history and the data carry over, and Parquet is written
        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("Converted from DuckDB storage version v2.0.0 to v1.2.0 (opvangmonitor.storage-version): "
                + "DuckDB 1.2 and newer open both files.");
        assertThat(StorageVersion.of(warehouse)).isEqualTo("v1.2.0");
        assertThat(StorageVersion.of(warehouse.resolveSibling("publiek.duckdb"))).isEqualTo("v1.2.0");
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchValue("select max(run_id) from audit.load_run")).isEqualTo(2L);
            assertThat(w.dsl.fetchValue("select count(*) from core.fct_melding")).isEqualTo(12L);
            assertThat(w.dsl.fetchValue("select count(*) from read_parquet('" + parquet.resolve("indicator_yearly.parquet") + "')"))
                    .isEqualTo(w.dsl.fetchValue("select count(*) from mart.indicator_yearly"))
                    .isNotEqualTo(0L);
            assertThat(w.dsl.fetchValue("select count(comment) from duckdb_views() where schema_name = 'mart'"))
                    .isEqualTo(w.dsl.fetchValue("select count(*) from duckdb_views() where schema_name = 'mart'"));
        }

        // and a third load, now in the pinned version, has nothing to do
        var third = CommandLineRunner.run(load);
        assertThat(third.out()).startsWith("Nothing new: the 1 file(s)");
        var status = CommandLineRunner.run("status", "--warehouse", warehouse.toString());
        assertThat(status.out()).contains("Storage version: v1.2.0 (DuckDB 1.2 and newer open it; setting opvangmonitor.storage-version = v1.2.0)");
    }

    @Test
    void copyAs_whenFileIsInThePinnedVersion_thenCopiesItByteForByte() throws Exception {
        // given
        Path file = temp.resolve("a.duckdb");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file, StorageVersion.connectionProperties("v1.2.0"));
             var s = c.createStatement()) {
            s.execute("create table t as select 1 as a");
        }

        // when
        String convertedFrom = StorageVersion.copyAs(file, temp.resolve("b.duckdb"), "v1.2.0");

        // then
        assertThat(convertedFrom).isNull();
        assertThat(Files.mismatch(file, temp.resolve("b.duckdb"))).isEqualTo(-1L);
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
