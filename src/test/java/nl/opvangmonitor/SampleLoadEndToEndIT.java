package nl.opvangmonitor;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import nl.opvangmonitor.cli.CommandLineRunner;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_TREND;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_TARGET;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_YEARLY;
import static nl.opvangmonitor.db.mart.Tables.PUBLISHED_COMPARISON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import nl.opvangmonitor.db.mart.tables.records.IndicatorYearlyRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code load} on the sample data in input/ and checks the figures the councils published (DESIGN.md §4). */
class SampleLoadEndToEndIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static CommandLineRunner.Result run;

    @BeforeAll
    static void loadSample() {
        warehouse = temp.resolve("warehouse/opvangmonitor.duckdb");
        run = CommandLineRunner.run("load", "--input", "input", "--warehouse", warehouse.toString());
    }

    static IndicatorYearlyRecord municipality(String indicator, String code, int year) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.selectFrom(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq(indicator), INDICATOR_YEARLY.MUNICIPALITY_CODE.eq(code),
                            INDICATOR_YEARLY.YEAR.eq(year))
                    .fetchSingle();
        }
    }

    static int rounded(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    @Test
    void load_whenSampleData_thenExitsZeroAndEveryFileBalances() throws Exception {
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Every file: rows read = rows loaded + rows rejected.")
                .contains("Result: COMPLETED (exit 0)")
                .contains("columns ignored: Team")
                .contains("note rows below the data skipped: 2");
        try (Warehouse w = Warehouse.open(warehouse)) {
            var files = w.dsl.selectFrom(LOAD_FILE).orderBy(LOAD_FILE.FILE_PATH).fetch();
            assertThat(files).extracting(f -> f.getFilePath()).containsExactly(
                    "financien/rotterdam_geescaleerde_zorg_begroting_2021.xlsx",
                    "financien/rotterdam_geescaleerde_zorg_raming_2025.csv",
                    "financien/rotterdam_zorg_welzijn_wijkteams_jaarstukken_2023.csv",
                    "gepubliceerd/gepubliceerd.csv",
                    "opvang/afwijzingen/afwijzingen_groningen_2019.csv",
                    "opvang/nachten/nachten_groningen_2019.csv",
                    "opvang/verblijven/verblijven_groningen_2019.xlsx",
                    "opvang/verblijven/verblijven_rotterdam_2022-2023.csv",
                    "streefwaarden/streefwaarden.csv",
                    "veiligthuis/veilig_thuis_groningen_2018-2019.xlsx",
                    "veiligthuis/vtrr_meldingen_2018-2020.csv",
                    "veiligthuis/vtrr_meldingen_2021-2023.csv");
            assertThat(files).allSatisfy(f -> {
                assertThat(f.getStatus()).isEqualTo("LOADED");
                assertThat(f.getRowsRejected()).isZero();
                assertThat(f.getRowsRead()).isEqualTo(f.getRowsLoaded() + f.getRowsRejected());
                assertThat(f.getSha256()).hasSize(64);
            });
            assertThat(files).filteredOn(f -> f.getFilePath().endsWith(".xlsx")).allSatisfy(f -> assertThat(f.getNoteRowsSkipped()).isPositive());
            long loaded = w.dsl.select(sum(LOAD_FILE.ROWS_LOADED)).from(LOAD_FILE).where(LOAD_FILE.SOURCE.eq("veiligthuis"))
                    .fetchSingle().value1().longValue();
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo((int) loaded);
        }
    }

    @Test
    void indicatorYearly_whenRotterdam2019_thenReproducesBegroting2021() throws Exception {
        IndicatorYearlyRecord duur = municipality("hg_duur_kort", "GM0599", 2019);
        assertThat(duur.getValue()).isEqualByComparingTo("64.00");
        assertThat(duur.getDenominator()).isEqualByComparingTo("8856");
        assertThat(duur.getUnit()).isEqualTo("percent");
        assertThat(duur.getMunicipalityName()).isEqualTo("Rotterdam");
        assertThat(duur.getRegionCode()).isNull();
        assertThat(duur.getTargetOperator()).isEqualTo(">");
        assertThat(duur.getTargetValue()).isEqualByComparingTo("55");
        assertThat(duur.getTargetMet()).isTrue();

        IndicatorYearlyRecord stabiel = municipality("hg_stabiel_veilig", "GM0599", 2019);
        assertThat(stabiel.getDenominator()).isEqualByComparingTo("202");
        assertThat(rounded(stabiel.getValue())).isEqualTo(86);
        assertThat(stabiel.getTargetValue()).isEqualByComparingTo("66");
    }

    @Test
    void indicatorYearly_whenRotterdamOtherYears_thenReproducesPublishedPercentages() throws Exception {
        assertThat(rounded(municipality("hg_duur_kort", "GM0599", 2018).getValue())).isEqualTo(59);
        assertThat(rounded(municipality("hg_duur_kort", "GM0599", 2021).getValue())).isEqualTo(78);
        assertThat(rounded(municipality("hg_duur_kort", "GM0599", 2022).getValue())).isEqualTo(86);
        assertThat(rounded(municipality("hg_stabiel_veilig", "GM0599", 2018).getValue())).isEqualTo(75);
        assertThat(rounded(municipality("hg_stabiel_veilig", "GM0599", 2021).getValue())).isEqualTo(87);
        assertThat(rounded(municipality("hg_stabiel_veilig", "GM0599", 2022).getValue())).isEqualTo(88);
    }

    @Test
    void indicatorYearly_whenTwoDocumentsSetTargetsForOneYear_thenMostRecentPublicationCounts() throws Exception {
        // Begroting 2021 said >55% for 2022; Jaarstukken 2022 (published later) says 79%.
        IndicatorYearlyRecord duur2022 = municipality("hg_duur_kort", "GM0599", 2022);
        assertThat(duur2022.getTargetOperator()).isEqualTo(">=");
        assertThat(duur2022.getTargetValue()).isEqualByComparingTo("79");
        assertThat(duur2022.getTargetMet()).isTrue();
        IndicatorYearlyRecord stabiel2022 = municipality("hg_stabiel_veilig", "GM0599", 2022);
        assertThat(stabiel2022.getValue()).isEqualByComparingTo("88.00");
        assertThat(stabiel2022.getTargetValue()).isEqualByComparingTo("88");
        assertThat(stabiel2022.getTargetMet()).isTrue();
    }

    @Test
    void indicatorYearly_whenGroningen2019_thenReproducesJaarverslagWithTargetsMissed() throws Exception {
        assertThat(municipality("vt_meldingen", "GM0014", 2018).getValue()).isEqualByComparingTo("573");
        Object[][] expected = {
                {"vt_meldingen", "746", "900"},
                {"huisverboden", "28", "41"},
                {"huisverbod_kinderen", "25", "40"},
                {"vt_intensief_cm", "85", "100"}};
        for (Object[] e : expected) {
            IndicatorYearlyRecord r = municipality((String) e[0], "GM0014", 2019);
            assertThat(r.getValue()).as((String) e[0]).isEqualByComparingTo((String) e[1]);
            assertThat(r.getUnit()).isEqualTo("count");
            assertThat(r.getDenominator()).isNull();
            assertThat(r.getTargetOperator()).isEqualTo(">");
            assertThat(r.getTargetValue()).isEqualByComparingTo((String) e[2]);
            assertThat(r.getTargetMet()).as((String) e[0]).isFalse();
        }
    }

    @Test
    void indicatorYearly_whenGroningenShelters2019_thenReproducesJaarverslag() throws Exception {
        Object[][] expected = {
                {"mo_unieke_personen", "494"},
                {"mo_unieke_personen_nachtopvang", "292"},
                {"mo_unieke_personen_crisisopvang", "157"},
                {"mo_unieke_personen_dagopvang", "724"},
                {"mo_rehab_na_crisis", "69"},
                {"bw_voorzieningen", "2097"},
                {"bw_unieke_personen", "1623"},
                {"vo_vrouwen", "134"},
                {"vo_kinderen", "168"},
                {"vo_afgewezen", "30"},
                {"vo_duur", "9.4"}};
        for (Object[] e : expected) {
            assertThat(municipality((String) e[0], "GM0014", 2019).getValue()).as((String) e[0]).isEqualByComparingTo((String) e[1]);
        }
        assertThat(rounded(municipality("mo_nacht_frequent", "GM0014", 2019).getValue())).isEqualTo(39);
        IndicatorYearlyRecord rehab = municipality("mo_rehab_na_crisis", "GM0014", 2019);
        assertThat(rehab.getTargetOperator()).isEqualTo(">");
        assertThat(rehab.getTargetValue()).isEqualByComparingTo("70");
        assertThat(rehab.getTargetMet()).isFalse();
        assertThat(municipality("vo_vrouwen", "GM0014", 2019).getTargetMet()).isTrue();
        assertThat(municipality("vo_kinderen", "GM0014", 2019).getTargetMet()).isTrue();
        IndicatorYearlyRecord refused = municipality("vo_afgewezen", "GM0014", 2019);
        assertThat(refused.getTargetOperator()).isEqualTo("=");
        assertThat(refused.getTargetMet()).isFalse();
    }

    @Test
    void indicatorYearly_whenRotterdamShelters2022And2023_thenReproducesVoortgangsrapportage() throws Exception {
        assertThat(municipality("mo_toelatingen_23plus", "GM0599", 2022).getValue()).isEqualByComparingTo("1031");
        assertThat(municipality("mo_toelatingen_23plus", "GM0599", 2023).getValue()).isEqualByComparingTo("1149");
        assertThat(municipality("bw_toelatingen", "GM0599", 2022).getValue()).isEqualByComparingTo("402");
        assertThat(municipality("bw_toelatingen", "GM0599", 2023).getValue()).isEqualByComparingTo("398");
        assertThat(municipality("bw_toelatingen_23plus", "GM0599", 2023).getValue()).isEqualByComparingTo("255");
        assertThat(municipality("bw_toelatingen_18_23", "GM0599", 2023).getValue()).isEqualByComparingTo("143");
        assertThat(municipality("mo_verblijf_90plus", "GM0599", 2022).getValue()).isEqualByComparingTo("48.33");
        assertThat(municipality("mo_verblijf_90plus", "GM0599", 2023).getValue()).isEqualByComparingTo("47.25");
        assertThat(municipality("wonen_eerst", "GM0599", 2023).getValue()).isEqualByComparingTo("85");
    }

    @Test
    void indicatorYearly_whenWonenEerstAndCoPas2023_thenReproducesVoortgangsrapportageWithTheNewIndicators() throws Exception {
        var housingFirst = municipality("wonen_eerst_housing_first", "GM0599", 2023);
        assertThat(housingFirst.getValue()).isEqualByComparingTo("30");
        assertThat(housingFirst.getTargetValue()).isEqualByComparingTo("50");
        assertThat(housingFirst.getTargetMet()).isFalse();
        var project010 = municipality("wonen_eerst_project010", "GM0599", 2023);
        assertThat(project010.getValue()).isEqualByComparingTo("55");
        assertThat(project010.getValue().add(housingFirst.getValue())).isEqualByComparingTo(municipality("wonen_eerst", "GM0599", 2023).getValue());
        // CO-pas admissions of all ages: +12% (1200 against 1071), next to the adults' +11%
        assertThat(municipality("mo_toelatingen", "GM0599", 2022).getValue()).isEqualByComparingTo("1071");
        assertThat(municipality("mo_toelatingen", "GM0599", 2023).getValue()).isEqualByComparingTo("1200");
        // outflow of the Groningen crisisopvang to a home of their own is the rehabilitation the Jaarverslag counts
        assertThat(municipality("mo_uitstroom_zelfstandig_wonen", "GM0014", 2019).getValue())
                .isEqualByComparingTo(municipality("mo_rehab_na_crisis", "GM0014", 2019).getValue());
        assertThat(municipality("bw_uitstroom", "GM0599", 2023).getValue()).isEqualByComparingTo("398");
    }

    @Test
    void indicatorTarget_whenWonenEerstTargetsAhead_thenShownWithoutValue() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var ahead = w.dsl.selectFrom(INDICATOR_TARGET)
                    .where(INDICATOR_TARGET.INDICATOR_CODE.in("wonen_eerst", "wonen_eerst_project010"), INDICATOR_TARGET.YEAR.ge(2024))
                    .orderBy(INDICATOR_TARGET.INDICATOR_CODE, INDICATOR_TARGET.YEAR).fetch();
            assertThat(ahead).extracting(t -> t.getIndicatorCode() + " " + t.getYear() + " " + t.getTargetOperator() + t.getTargetValue().intValue()
                            + " " + t.getHasValue())
                    .containsExactly("wonen_eerst 2024 >=125 false", "wonen_eerst 2025 >=125 false", "wonen_eerst 2026 >=125 false",
                            "wonen_eerst_project010 2024 >=50 false", "wonen_eerst_project010 2025 >=50 false",
                            "wonen_eerst_project010 2026 >=50 false");
        }
    }

    @Test
    void load_whenSamplePublishedFigures_thenEveryFigureComparedAndTheDifferenceExplained() throws Exception {
        assertThat(run.out()).contains("Published figures: 207 compared: 203 equal (7 of them after rounding), 1 different, 3 not computed")
                .contains("    different: vt_intensief_cm, VT-GRONINGEN 2019, published 85 (Groningen Jaarverslag 2019 (4.2.4), "
                          + "4.2.4 Prestatie-indicatoren): computed 160.0000 at the published precision; the document names the Veilig Thuis region");
        try (Warehouse w = Warehouse.open(warehouse)) {
            // all 120 cells of the Geëscaleerde zorg 18+ table and the 7 variances of the Jaarstukken 2023
            assertThat(w.dsl.fetchCount(PUBLISHED_COMPARISON, PUBLISHED_COMPARISON.FIGURE_KIND.eq("budget"),
                    PUBLISHED_COMPARISON.OUTCOME.eq("equal"))).isEqualTo(127);
            var variance = w.dsl.selectFrom(PUBLISHED_COMPARISON)
                    .where(PUBLISHED_COMPARISON.BUDGET_VERSION.eq("afwijking"), PUBLISHED_COMPARISON.BUDGET_LINE.eq("Zorg, welzijn en wijkteams"))
                    .fetchSingle();
            assertThat(variance.getPublishedText()).isEqualTo("- € 35.416");
            assertThat(variance.getComputedValue()).isEqualByComparingTo("-35416");
            var notComputed = w.dsl.selectFrom(PUBLISHED_COMPARISON).where(PUBLISHED_COMPARISON.OUTCOME.eq("not computed")).fetch();
            assertThat(notComputed).allSatisfy(r -> assertThat(r.getToelichting()).isNotBlank());
        }
    }

    @Test
    void indicatorTrend_whenAdmissions2023_thenElevenPercentMoreThan2022() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var trend = w.dsl.selectFrom(INDICATOR_TREND)
                    .where(INDICATOR_TREND.INDICATOR_CODE.eq("mo_toelatingen_23plus"), INDICATOR_TREND.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_TREND.YEAR.eq(2023))
                    .fetchSingle();
            assertThat(trend.getPreviousValue()).isEqualByComparingTo("1031");
            assertThat(trend.getChangeAbsolute()).isEqualByComparingTo("118");
            assertThat(trend.getChangePercent()).isEqualByComparingTo("11.45");
            var first = w.dsl.selectFrom(INDICATOR_TREND)
                    .where(INDICATOR_TREND.INDICATOR_CODE.eq("mo_toelatingen_23plus"), INDICATOR_TREND.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_TREND.YEAR.eq(2022))
                    .fetchSingle();
            assertThat(first.getPreviousValue()).isNull();
            assertThat(first.getChangePercent()).isNull();
        }
    }

    @Test
    void indicatorYearly_whenRegionRows_thenSumOfMunicipalitiesWithNullMunicipalityColumns() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            IndicatorYearlyRecord region = w.dsl.selectFrom(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("hg_duur_kort"), INDICATOR_YEARLY.REGION_CODE.eq("VT-ROTTERDAM-RIJNMOND"),
                            INDICATOR_YEARLY.YEAR.eq(2019))
                    .fetchSingle();
            var municipalities = w.dsl.select(sum(INDICATOR_YEARLY.NUMERATOR), sum(INDICATOR_YEARLY.DENOMINATOR)).from(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("hg_duur_kort"), INDICATOR_YEARLY.YEAR.eq(2019),
                            INDICATOR_YEARLY.MUNICIPALITY_CODE.in("GM0599", "GM0613", "GM0489", "GM0502", "GM0542", "GM1621", "GM0597"))
                    .fetchSingle();
            assertThat(region.getMunicipalityCode()).isNull();
            assertThat(region.getMunicipalityName()).isNull();
            assertThat(region.getNumerator()).isEqualByComparingTo(municipalities.value1());
            assertThat(region.getDenominator()).isEqualByComparingTo(municipalities.value2());
            assertThat(region.getDenominator()).isGreaterThan(new BigDecimal("8856"));
            assertThat(w.dsl.fetchCount(INDICATOR_YEARLY, INDICATOR_YEARLY.REGION_CODE.in("MOBW-GM0014", "VO-GM0014", "VT-GRONINGEN")
                    .and(INDICATOR_YEARLY.INDICATOR_CODE.eq("vt_meldingen")))).isEqualTo(6);
        }
    }

    @Test
    void warehouse_whenLoaded_thenHoldsNoRawClientIdentifiers() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            // a pseudonym is 128 bits of a keyed hash: never text, and below 10^15 (a number an identifier could be) by a chance of 10^-23
            assertThat(w.dsl.fetchValue("SELECT string_agg(DISTINCT typeof(client_key)) FROM core.fct_melding")).isEqualTo("UHUGEINT");
            assertThat(w.dsl.fetchCount(FCT_MELDING, org.jooq.impl.DSL.condition("client_key >= 1000000000000000"))).isEqualTo(w.dsl.fetchCount(FCT_MELDING));
        }
    }

    @Test
    void publicDatabase_whenPublished_thenOnlyMartsWithSmallCellsSuppressed() throws Exception {
        try (Warehouse p = Warehouse.open(warehouse.resolveSibling("publiek.duckdb"))) {
            // only mart tables, nothing at person level
            assertThat(p.dsl.fetch("select distinct schema_name from duckdb_tables()").getValues(0, String.class)).containsExactly("mart");
            assertThat(p.dsl.fetch("select table_name || '.' || column_name from duckdb_columns() where column_name like '%client%' "
                    + "or column_name in ('melding_id', 'verblijf_id', 'geboortejaar')").getValues(0, String.class)).isEmpty();
            // no cell under the minimum left unflagged, and suppressed cells show nothing
            assertThat(p.dsl.fetchValue("select count(*) from mart.indicator_yearly where not suppressed and "
                    + "((unit = 'count' and numerator < 10) or (unit <> 'count' and (denominator is null or denominator < 10)))")).isEqualTo(0L);
            assertThat(p.dsl.fetchValue("select count(*) from mart.indicator_yearly where suppressed "
                    + "and (value is not null or numerator is not null or target_met is not null)")).isEqualTo(0L);
            assertThat(p.dsl.fetchValue("select count(*) from mart.indicator_yearly where suppression = 'primary'")).isNotEqualTo(0L);
            // the trend (sql/views, run again over the suppressed values) hides what indicator_yearly hides, also as a previous value
            assertThat(p.dsl.fetchValue("select count(*) from mart.indicator_trend where suppressed"))
                    .isEqualTo(p.dsl.fetchValue("select count(*) from mart.indicator_yearly where suppressed"));
            assertThat(p.dsl.fetchValue("""
                    select count(*) from mart.indicator_trend t join mart.indicator_yearly y
                      on y.indicator_code = t.indicator_code and y.year = t.year - 1
                     and y.municipality_code is not distinct from t.municipality_code and y.region_code is not distinct from t.region_code
                    where y.suppressed and t.previous_value is not null""")).isEqualTo(0L);
            assertThat(p.dsl.fetch("select suppression_min_count, suppression_round_to from mart.publication").getFirst().intoArray())
                    .containsExactly(10, 0);
            // no suppressed cell can be recovered from a shown region total and the other municipalities
            for (String region : java.util.List.of("vt_region_code", "mo_bw_region_code", "vo_region_code")) {
                assertThat(p.dsl.fetchValue("""
                        select count(*) from (
                            select r.indicator_code, r.year, r.region_code
                            from mart.indicator_yearly r
                            join mart.municipality m on m.%s = r.region_code
                            join mart.indicator_yearly c on c.municipality_code = m.municipality_code
                                 and c.indicator_code = r.indicator_code and c.year = r.year
                            where not r.suppressed
                            group by all
                            having count(*) filter (where c.suppressed) = 1)""".formatted(region))).as(region).isEqualTo(0L);
            }
            // the published figures are still there, and every column is documented
            assertThat(p.dsl.fetchValue("select value from mart.indicator_yearly where indicator_code = 'hg_duur_kort' "
                    + "and municipality_code = 'GM0599' and year = 2019")).isEqualTo(new BigDecimal("64.00"));
            assertThat(p.dsl.fetch("select table_name || '.' || column_name from duckdb_columns() where schema_name = 'mart' and (comment is null or comment = '')")
                    .getValues(0, String.class)).isEmpty();
        }
    }

    @Test
    void renamedMartColumns_whenQueriedByTheirOldNames_thenTheSameValuesAndCommentedDeprecated() throws Exception {
        for (Path database : List.of(warehouse, warehouse.resolveSibling("publiek.duckdb"))) {
            try (Warehouse d = Warehouse.open(database)) {
                // every old name is a column next to its new one, with the same values, on every row
                assertThat(d.dsl.fetchOne("""
                        select concat(count(*) filter (where baten is distinct from baten_keur or lasten is distinct from lasten_keur
                                 or saldo is distinct from saldo_keur or reserves is distinct from reserves_keur
                                 or saldo_after_reserves is distinct from saldo_after_reserves_keur
                                 or saldo_of_detail_lines is distinct from saldo_of_detail_lines_keur), '/', count(*))
                        from mart.budget_summary""").get(0, String.class)).as(database.toString()).matches("0/[1-9][0-9]*");
                assertThat(d.dsl.fetchOne("""
                        select count(*) from mart.budget_line where amount is distinct from amount_keur or saldo_effect is distinct from saldo_effect_keur""").get(0, Long.class))
                        .isZero();
                assertThat(d.dsl.fetchOne("""
                        select count(*) from mart.budget_variance
                        where budget is distinct from budget_keur or realisatie is distinct from realisatie_keur or variance is distinct from variance_keur""").get(0, Long.class)).isZero();
                assertThat(d.dsl.fetchOne("""
                        select count(*) from mart.budget_reported_total
                        where reported_amount is distinct from reported_keur or sum_of_parts is distinct from sum_of_parts_keur
                           or difference is distinct from difference_keur or tolerance is distinct from tolerance_keur""").get(0, Long.class)).isZero();
                assertThat(d.dsl.fetchOne("select count(*) from mart.published_comparison where note is distinct from toelichting").get(0, Long.class))
                        .isZero();
                // the Rotterdam 2023 variance of Zorg, welzijn en wijkteams under its new name (seed 001)
                assertThat(d.dsl.fetchOne("""
                        select sum(variance) from mart.budget_variance
                        where municipality_code = 'GM0599' and year = 2023 and programme = 'Zorg, welzijn en wijkteams'""").get(0, BigDecimal.class))
                        .isEqualByComparingTo("-35416");
                assertThat(d.dsl.fetch("""
                        select table_name || '.' || column_name from duckdb_columns()
                        where schema_name = 'mart' and comment like 'DEPRECATED: use %'""").getValues(0, String.class))
                        .containsExactlyInAnyOrder("budget_line.amount_keur", "budget_line.saldo_effect_keur", "budget_summary.baten_keur",
                                "budget_summary.lasten_keur", "budget_summary.saldo_keur", "budget_summary.reserves_keur",
                                "budget_summary.saldo_after_reserves_keur", "budget_summary.saldo_of_detail_lines_keur", "budget_variance.budget_keur",
                                "budget_variance.realisatie_keur", "budget_variance.variance_keur", "budget_reported_total.reported_keur",
                                "budget_reported_total.sum_of_parts_keur", "budget_reported_total.difference_keur",
                                "budget_reported_total.tolerance_keur", "published_comparison.toelichting");
            }
        }
    }

    @Test
    void mart_whenMigrated_thenEveryViewAndColumnIsDocumented() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var undocumented = w.dsl.fetch("select table_name || '.' || column_name from duckdb_columns() "
                    + "where schema_name = 'mart' and (comment is null or comment = '')").getValues(0, String.class);
            assertThat(undocumented).isEmpty();
            var views = w.dsl.fetch("select view_name from duckdb_views() where schema_name = 'mart' and (comment is null or comment = '')")
                    .getValues(0, String.class);
            assertThat(views).isEmpty();
            assertThat(w.dsl.fetch("select view_name from duckdb_views() where schema_name = 'mart'").getValues(0, String.class))
                    .contains("indicator_yearly", "indicator_trend");
            var columns = w.dsl.fetch("select column_name from duckdb_columns() where schema_name = 'mart' and table_name = 'indicator_yearly' "
                    + "order by column_index").getValues(0, String.class);
            assertThat(columns).startsWith("indicator_code", "indicator_name", "municipality_code", "municipality_name", "region_code",
                    "year", "value", "numerator", "denominator", "unit", "target_operator", "target_value", "target_met");
        }
    }
}
