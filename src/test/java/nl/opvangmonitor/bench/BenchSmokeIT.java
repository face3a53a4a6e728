package nl.opvangmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark at a tiny scale, as a smoke test: it runs, balances its rows and prints its table. No timing is asserted. */
class BenchSmokeIT {

    @TempDir
    Path temp;

    @Test
    void bench_whenTinyScale_thenPrintsPhasesAndTheClosingLineWithRowsBalanced() {
        // when
        var run = CommandLineRunner.run("bench", "--scale", "0.0005", "--workdir", temp.toString(), "--seed", "7", "--startup-runs", "1");

        // then: 500 meldingen + 1000 stays + 5000 nights as CSV, 250 XLSX rows; one row in a thousand is bad
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("6500 CSV rows in 18 files, 250 XLSX rows")
                .contains("DuckDB read_csv (baseline)")
                .contains("load: rules (convert, validate)*")
                .containsPattern("load: budget lines \\(342 x 10 years\\) +41040 ")
                .contains("rerun, nothing new (exit 0)")
                .containsPattern("report: every area \\(exit 0\\) +\\d{3} ")
                .contains("rows read 47790 = loaded 47784 + rejected 6: yes")
                // the analyst's pipeline on the same CSV files rejects the same six bad rows
                .containsPattern("(?m)^peer: plain DuckDB SQL pipeline +6500 +\\d+\\.\\d\\d ")
                .contains("peer: CSV rows 6500 = loaded 6494 + rejected 6: yes")
                // the CSV files loaded on their own, in a JVM of their own: what csv_ratio and peer_ratio measure; the same
                // six rows rejected (exit 2: loaded with rejects); their window in the full load beside it
                .containsPattern("(?m)^CSV alone: file to facts \\(exit 2\\) +6500 +\\d+\\.\\d\\d ")
                .containsPattern("(?m)^CSV alone: rows read 6500 = loaded 6494 \\+ rejected 6: yes; in the full load, beside the workbook "
                        + "and the budget: \\d+\\.\\d\\d s \\(\\d+\\.\\d\\d x read_csv\\)$")
                // the workbook loaded on its own, in a JVM of its own held to 256 MB: what xlsx_seconds and xlsx_peak_heap_mb measure
                .containsPattern("(?m)^XLSX alone: file to facts \\(exit 0\\) +250 +\\d+\\.\\d\\d ")
                .containsPattern("(?m)^XLSX alone: rows read 250 = loaded 250 \\+ rejected 0: yes; in a JVM of its own held to -Xmx256m: "
                        + "most heap before a collection \\d+ MB; reader alone peak heap \\d+ MB$")
                // one month more (January 2025, 1/120 of each CSV source: 4 meldingen, 8 stays, 42 nights) as a normal night,
                // which scans only what it added: the full load minutes before was the full scan
                .containsPattern("(?m)^night: one new month \\(exit 0\\) +54 +\\d+\\.\\d\\d ")
                .containsPattern("(?m)^night: indicators +\\d+\\.\\d\\d")
                .containsPattern("(?m)^night: checks +\\d+\\.\\d\\d")
                .containsPattern("(?m)^night: rows read 54 = loaded 54 \\+ rejected 0: yes; scan incremental \\(last full scan \\d{4}-\\d\\d-\\d\\d ")
                .containsPattern("(?m)^start-up: --help \\(exit 0\\) +\\d+\\.\\d\\d s median of 1 ")
                .containsPattern("(?m)^start-up: history \\(exit 0\\) ")
                .containsPattern("(?m)^start-up: load \\(exit 0\\) ")
                .containsPattern("(?m)^csv_ratio=\\d+\\.\\d\\d peer_ratio=\\d+\\.\\d\\d xlsx_seconds=\\d+\\.\\d\\d xlsx_peak_heap_mb=\\d+ night_indicators_checks_s=\\d+\\.\\d\\d$");
    }
}
