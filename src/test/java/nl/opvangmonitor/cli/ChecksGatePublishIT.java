package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.ingest.Fingerprint;
import nl.opvangmonitor.publish.WarehouseFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing check keeps yesterday's warehouse published; a misspelt declaration is an error, never skipped. */
class ChecksGatePublishIT {

    @TempDir
    Path temp;

    @Test
    void load_whenACheckFails_thenYesterdaysWarehouseStaysAndTheCheckIsNamed() throws Exception {
        // given
        Path warehouse = publishedFirstDelivery();
        String yesterday = Fingerprint.of(warehouse).sha256();
        Path checks = checks("strict.yml", """
                models:
                  core.fct_melding:
                    expressions:
                      - name: at_most_three_meldingen
                        fails_when: "melding_id in (select melding_id from core.fct_melding order by melding_id offset 3)"
                """);

        // when
        var night = nightWith(warehouse, IncrementalLoadIT.rows(3, 5), checks);

        // then
        assertThat(night.exitCode()).isEqualTo(4);
        assertThat(night.out())
                .contains("FAILED core.fct_melding at_most_three_meldingen: 2 failing rows")
                .contains("Result: CHECKS_FAILED (exit 4)")
                .contains("Not published: yesterday's warehouse stays in place");
        assertThat(Fingerprint.of(warehouse).sha256()).isEqualTo(yesterday);
        assertThat(WarehouseFiles.failedBuildFor(warehouse)).exists();
        var history = CommandLineRunner.run("history", "--warehouse", warehouse.toString());
        assertThat(history.out().lines().skip(1).findFirst().orElseThrow()).contains("CHECKS_FAILED").contains(" 4 ").endsWith("no");
    }

    @Test
    void load_whenChecksOfAMartFail_thenTheMartIsEvaluatedOnceAndEachCheckCountsItsRows() throws Exception {
        // given: two checks of one mart view, which the checks read from one evaluation of the view
        Path warehouse = publishedFirstDelivery();
        String fails = "indicator_code like 'vt%' and value is not null";
        Path checks = checks("mart.yml", """
                models:
                  mart.indicator_yearly:
                    not_null: [indicator_code]
                    expressions:
                      - name: no_veilig_thuis_values
                        fails_when: "%s"
                """.formatted(fails));

        // when
        var run = nightWith(warehouse, IncrementalLoadIT.rows(3, 6), checks);

        // then: the failing rows are those of the view itself, counted in the build that was not published
        long expected;
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + WarehouseFiles.failedBuildFor(warehouse)); var rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM mart.indicator_yearly WHERE " + fails)) {
            rows.next();
            expected = rows.getLong(1);
        }
        assertThat(expected).isPositive();
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out())
                .contains("FAILED mart.indicator_yearly no_veilig_thuis_values: " + expected + " failing rows")
                .doesNotContain("FAILED mart.indicator_yearly not_null(indicator_code)");
    }

    /** Loads and publishes a first Veilig Thuis delivery (rows 1-2); returns the published warehouse. */
    private Path publishedFirstDelivery() throws Exception {
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        Files.writeString(vt.resolve("a.csv"), IncrementalLoadIT.rows(1, 2));
        assertThat(CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()).exitCode())
                .isZero();
        return warehouse;
    }

    /** A checks folder holding one declaration file. */
    private Path checks(String file, String declaration) throws Exception {
        Path checks = Files.createDirectories(temp.resolve("checks"));
        Files.writeString(checks.resolve(file), declaration);
        return checks;
    }

    /** The night: a second delivery with these rows, loaded with the declared checks. */
    private CommandLineRunner.Result nightWith(Path warehouse, String rows, Path checks) throws Exception {
        Files.writeString(temp.resolve("input/veiligthuis/b.csv"), rows);
        return CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString(),
                "--opvangmonitor.checks=" + checks);
    }

    @Test
    void load_whenACheckDeclarationIsMisspelt_thenRunFailsNamingTheKey() throws Exception {
        // given
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("a.csv"), IncrementalLoadIT.rows(1, 2));
        Path checks = checks("typo.yml", """
                models:
                  core.fct_melding:
                    uniqe: [melding_id]
                """);

        // when
        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse",
                temp.resolve("wh/opvangmonitor.duckdb").toString(), "--opvangmonitor.checks=" + checks);

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("typo.yml: unknown key 'uniqe' in model core.fct_melding; allowed: accepted_values, "
                + "description, expressions, not_null, unique");
        assertThat(temp.resolve("wh/opvangmonitor.duckdb")).doesNotExist();
    }
}
