package nl.opvangmonitor.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst with SQL and the public database of the sample tries to recover suppressed cells: by
 * subtraction within every declared family (a total and its parts) and across regions, from the
 * trend table's previous values, and from the complement of percentages. Nothing is found, and every
 * figure the councils published is still shown.
 */
class PublicDatabaseAttackIT {

    @TempDir
    static Path temp;
    static Path publiek;
    static List<Record> families;

    @BeforeAll
    static void loadSample() throws Exception {
        Path warehouse = temp.resolve("warehouse/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", "input", "--warehouse", warehouse.toString()).exitCode()).isZero();
        publiek = warehouse.resolveSibling("publiek.duckdb");
        try (Warehouse w = Warehouse.open(warehouse)) {
            families = w.dsl.fetch("SELECT total_indicator_code, part_indicator_code FROM core.indicator_family");
        }
    }

    private static long count(Warehouse p, String sql) {
        return p.dsl.fetchOne(sql).get(0, Long.class);
    }

    @Test
    void subtraction_withinEveryDeclaredFamily_thenRecoversNothing() throws Exception {
        assertThat(families).extracting(r -> r.get(0, String.class)).contains("bw_toelatingen", "mo_unieke_personen");
        try (Warehouse p = Warehouse.open(publiek)) {
            for (String total : families.stream().map(r -> r.get(0, String.class)).distinct().toList()) {
                List<String> parts = families.stream().filter(r -> r.get(0, String.class).equals(total)).map(r -> r.get(1, String.class)).toList();
                // one equation total = sum of parts per area and year: exactly one hidden cell in it is recoverable
                var recoverable = p.dsl.fetch("""
                        SELECT coalesce(municipality_code, region_code) AS area, year
                        FROM mart.indicator_yearly
                        WHERE indicator_code = ? OR list_contains(?, indicator_code)
                        GROUP BY ALL
                        HAVING count(*) > 1 AND count(*) FILTER (WHERE suppressed) = 1""", total, parts.toArray(String[]::new));
                assertThat(recoverable).as(total).isEmpty();
            }
            // the example: Groningen 2019, BW admissions aged 18-23 = 697 - 688
            assertThat(p.dsl.fetch("""
                    SELECT indicator_code FROM mart.indicator_yearly
                    WHERE municipality_code = 'GM0014' AND year = 2019 AND indicator_code LIKE 'bw_toelatingen%' AND suppressed
                    ORDER BY 1""").getValues(0, String.class)).containsExactly("bw_toelatingen_18_23", "bw_toelatingen_23plus");
        }
    }

    @Test
    void subtraction_acrossRegions_thenRecoversNothing() throws Exception {
        try (Warehouse p = Warehouse.open(publiek)) {
            for (String region : List.of("vt_region_code", "mo_bw_region_code", "vo_region_code")) {
                var recoverable = p.dsl.fetch("""
                        SELECT r.indicator_code, r.year, r.region_code
                        FROM mart.indicator_yearly r
                        JOIN mart.municipality m ON m.%s = r.region_code
                        JOIN mart.indicator_yearly c ON c.municipality_code = m.municipality_code AND c.indicator_code = r.indicator_code
                             AND c.year = r.year
                        GROUP BY ALL
                        HAVING count(*) FILTER (WHERE c.suppressed) + CASE WHEN any_value(r.suppressed) THEN 1 ELSE 0 END = 1"""
                        .formatted(region));
                assertThat(recoverable).as(region).isEmpty();
            }
        }
    }

    @Test
    void trend_previousValuesAndChanges_thenShowNoSuppressedCell() throws Exception {
        try (Warehouse p = Warehouse.open(publiek)) {
            long suppressed = count(p, "SELECT count(*) FROM mart.indicator_yearly WHERE suppressed");
            assertThat(suppressed).isGreaterThan(100);
            var leaks = p.dsl.fetch("""
                    SELECT t.indicator_code, coalesce(t.municipality_code, t.region_code), t.year
                    FROM mart.indicator_trend t
                    JOIN mart.indicator_yearly y ON y.indicator_code = t.indicator_code AND y.year = t.year - 1
                         AND y.municipality_code IS NOT DISTINCT FROM t.municipality_code AND y.region_code IS NOT DISTINCT FROM t.region_code
                    WHERE y.suppressed AND (t.previous_value IS NOT NULL OR t.change_absolute IS NOT NULL OR t.change_percent IS NOT NULL)
                    UNION ALL
                    SELECT indicator_code, coalesce(municipality_code, region_code), year FROM mart.indicator_trend
                    WHERE suppressed AND (value IS NOT NULL OR change_absolute IS NOT NULL OR change_percent IS NOT NULL OR target_met IS NOT NULL)""");
            assertThat(leaks).isEmpty();
        }
    }

    @Test
    void complement_ofShownPercentages_thenNeverUnderTheMinimum() throws Exception {
        try (Warehouse p = Warehouse.open(publiek)) {
            long shown = count(p, "SELECT count(*) FROM mart.indicator_yearly WHERE unit = 'percent' AND NOT suppressed");
            long small = count(p, """
                    SELECT count(*) FROM mart.indicator_yearly
                    WHERE unit = 'percent' AND NOT suppressed AND (numerator < 10 OR denominator - numerator < 10)""");
            assertThat(shown).isGreaterThan(100);
            assertThat(small).isZero();
        }
    }

    @Test
    void rounding_whenRoundToFive_thenEveryCountOfTotalsAndPartsIsAMultipleAndTheTrendFollows() throws Exception {
        // given / when: the sample published again with counts rounded to 5
        Path warehouse = temp.resolve("rounded/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", "input", "--warehouse", warehouse.toString(),
                "--opvangmonitor.suppression.round-to=5").exitCode()).isZero();

        // then
        try (Warehouse p = Warehouse.open(warehouse.resolveSibling("publiek.duckdb"))) {
            assertThat(count(p, """
                    SELECT count(*) FROM mart.indicator_yearly
                    WHERE NOT suppressed AND (numerator % 5 <> 0 AND unit <> 'months' OR denominator % 5 <> 0
                                              OR unit = 'count' AND value % 5 <> 0)""")).isZero();
            assertThat(count(p, "SELECT count(*) FROM mart.indicator_trend WHERE unit = 'count' AND previous_value % 5 <> 0")).isZero();
            assertThat(p.dsl.fetchValue("""
                    SELECT value FROM mart.indicator_yearly
                    WHERE indicator_code = 'bw_toelatingen_18_23' AND municipality_code = 'GM0599' AND year = 2023""")).hasToString("145.00");
            assertThat(p.dsl.fetchValue("""
                    SELECT value FROM mart.indicator_yearly
                    WHERE indicator_code = 'hg_duur_kort' AND municipality_code = 'GM0599' AND year = 2019""")).hasToString("64.00");
        }
    }

    @Test
    void publishedFigures_whenSuppressionIsApplied_thenAllStillShown() throws Exception {
        Object[][] published = {
                {"hg_duur_kort", "GM0599", 2018}, {"hg_duur_kort", "GM0599", 2019}, {"hg_duur_kort", "GM0599", 2021}, {"hg_duur_kort", "GM0599", 2022},
                {"hg_stabiel_veilig", "GM0599", 2018}, {"hg_stabiel_veilig", "GM0599", 2019}, {"hg_stabiel_veilig", "GM0599", 2021},
                {"hg_stabiel_veilig", "GM0599", 2022}, {"mo_toelatingen_23plus", "GM0599", 2022}, {"mo_toelatingen_23plus", "GM0599", 2023},
                {"bw_toelatingen", "GM0599", 2022}, {"bw_toelatingen", "GM0599", 2023}, {"bw_toelatingen_23plus", "GM0599", 2023},
                {"bw_toelatingen_18_23", "GM0599", 2023}, {"mo_verblijf_90plus", "GM0599", 2022}, {"mo_verblijf_90plus", "GM0599", 2023},
                {"wonen_eerst", "GM0599", 2023}, {"vt_meldingen", "GM0014", 2018}, {"vt_meldingen", "GM0014", 2019},
                {"huisverboden", "GM0014", 2019}, {"huisverbod_kinderen", "GM0014", 2019}, {"vt_intensief_cm", "GM0014", 2019},
                {"mo_unieke_personen", "GM0014", 2019}, {"mo_unieke_personen_nachtopvang", "GM0014", 2019},
                {"mo_unieke_personen_crisisopvang", "GM0014", 2019}, {"mo_unieke_personen_dagopvang", "GM0014", 2019},
                {"mo_rehab_na_crisis", "GM0014", 2019}, {"mo_nacht_frequent", "GM0014", 2019}, {"bw_unieke_personen", "GM0014", 2019},
                {"bw_voorzieningen", "GM0014", 2019}, {"vo_vrouwen", "GM0014", 2019}, {"vo_kinderen", "GM0014", 2019},
                {"vo_afgewezen", "GM0014", 2019}, {"vo_duur", "GM0014", 2019}};
        try (Warehouse p = Warehouse.open(publiek)) {
            for (Object[] figure : published) {
                assertThat(p.dsl.fetchOptional("""
                        SELECT value FROM mart.indicator_yearly
                        WHERE indicator_code = ? AND municipality_code = ? AND year = ? AND NOT suppressed AND value IS NOT NULL""", figure))
                        .as(figure[0] + " " + figure[1] + " " + figure[2]).isPresent();
            }
        }
    }
}
