package nl.opvangmonitor.gepubliceerd;

import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.mart.Tables.PUBLISHED_COMPARISON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import nl.opvangmonitor.db.mart.tables.records.PublishedComparisonRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison of published figures with the warehouse: the rounding rules taken from the notation,
 * a budget line and its variance, a target, a change, figures not computed and rejected rows; the run
 * summary line; and the gate that keeps a warehouse with a difference unpublished when switched on.
 */
class PublishedComparisonJobIT {

    static final String VT_HEADER = "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;"
            + "veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement\n";

    @TempDir
    static Path temp;
    static Path input;
    static Path warehouse;
    static CommandLineRunner.Result run;

    @BeforeAll
    static void load() throws Exception {
        input = temp.resolve("input");
        Path vt = Files.createDirectories(input.resolve("veiligthuis"));
        StringBuilder meldingen = new StringBuilder(VT_HEADER);
        // Rotterdam 2019: 316 of 490 shorter than a year = 64.4898%; Barendrecht 2019: 129 of 200 = 64.5%; Rotterdam 2018: 400 meldingen
        meldingen(meldingen, "R", 2019, "GM0599", 490, 316);
        meldingen(meldingen, "B", 2019, "GM0489", 200, 129);
        meldingen(meldingen, "Q", 2018, "GM0599", 400, 0);
        meldingen(meldingen, "A", 2019, "GM0613", 3, 0); // Albrandswaard: a small cell
        Files.writeString(vt.resolve("vt.csv"), meldingen);
        Path finance = Files.createDirectories(input.resolve("financien"));
        Files.writeString(finance.resolve("rotterdam_6.81.csv"), """
                gemeente;programma;taakveld;categorie;soort;versie;jaar;bedrag
                GM0599;;6.81;Lasten exclusief reserves > Apparaatslasten > Personeel;lasten;begroting;2019;6.000
                GM0599;;6.81;Lasten exclusief reserves > Apparaatslasten > Personeel;lasten;realisatie;2019;6.085
                GM0599;;6.81;Lasten exclusief reserves > Apparaatslasten > Inhuur;lasten;realisatie;2019;162
                """);
        Path targets = Files.createDirectories(input.resolve("streefwaarden"));
        Files.writeString(targets.resolve("t.csv"), "indicator;gemeente;jaar;streefwaarde;bron\nhg_duur_kort;GM0599;2019;>55%;Begroting 2021\n");
        Path published = Files.createDirectories(input.resolve("gepubliceerd"));
        Files.writeString(published.resolve("figures.csv"), """
                indicator;gemeente;jaar;waarde;bron;soort;pagina;toelichting
                hg_duur_kort;Rotterdam;2019;64%;Begroting 2021;;12;
                hg_duur_kort;Barendrecht;2019;64%;Begroting 2021;;12;
                hg_duur_kort;Rotterdam;2019;64,49%;Begroting 2021;;12;
                vt_meldingen;Rotterdam;2019;490;Jaarverslag;;3;
                vt_meldingen;Rotterdam;2019;22,5%;Jaarverslag;verandering;3;
                hg_duur_kort;Rotterdam;2019;>55%;Begroting 2021;streefwaarde;12;
                hg_duur_kort;Rotterdam;2019;>60%;Begroting 2021;streefwaarde;12;
                6.81 | realisatie | Personeel;Rotterdam;2019;6.085;Begroting 2021;;40;
                6.81 | afwijking | Personeel;Rotterdam;2019;-85;Jaarstukken 2019;;41;
                6.81 | realisatie | Onttrekking reserves;Rotterdam;2019;20;Begroting 2021;;40;the sample has no reserves line
                housing_first;Rotterdam;2019;30;Voortgangsrapportage;;7;
                hg_duur_kort;Rotterdam;2019;veel;Begroting 2021;;12;
                6.81 | prognose | Personeel;Rotterdam;2019;1;Begroting 2021;;12;
                vt_meldingen;Albrandswaard;2019;3;Jaarverslag;;3;
                """);
        warehouse = temp.resolve("wh/w.duckdb");
        run = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());
    }

    static void meldingen(StringBuilder out, String prefix, int year, String gemeente, int count, int shorterThanAYear) {
        for (int i = 0; i < count; i++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(i % 365);
            out.append(String.join(";", prefix + i, prefix + "P" + i, date.toString(), gemeente, "partnergeweld",
                    i < shorterThanAYear ? "3" : "20", "nee", "", "nee", "", "nee")).append('\n');
        }
    }

    static PublishedComparisonRecord row(int line) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.selectFrom(PUBLISHED_COMPARISON).where(PUBLISHED_COMPARISON.ROW_NUMBER.eq(line)).fetchOne();
        }
    }

    @Test
    void comparison_whenWholePercentPublished_thenComputedRoundedToWholePercent() throws Exception {
        var rotterdam = row(2);
        assertThat(rotterdam.getComputedValue()).isEqualByComparingTo("64.4898");
        assertThat(rotterdam.getPublishedPrecision()).isZero();
        assertThat(rotterdam.getOutcome()).isEqualTo("equal after rounding");
        assertThat(rotterdam.getComputedText()).isEqualTo("64.0000");
        var barendrecht = row(3);
        assertThat(barendrecht.getComputedValue()).isEqualByComparingTo("64.5");
        assertThat(barendrecht.getOutcome()).isEqualTo("different");
        assertThat(barendrecht.getDifference()).isEqualByComparingTo("0.5");
        assertThat(barendrecht.getReason()).isEqualTo("computed 65.0000 at the published precision");
        var twoDecimals = row(4);
        assertThat(twoDecimals.getPublishedPrecision()).isEqualTo(2);
        assertThat(twoDecimals.getOutcome()).isEqualTo("equal after rounding");
    }

    @Test
    void comparison_whenCountAndChange_thenEqualAndEqualAfterRounding() throws Exception {
        assertThat(row(5).getOutcome()).isEqualTo("equal");
        assertThat(row(5).getDifference()).isEqualByComparingTo("0");
        var change = row(6); // 490 against 400: +22.5%
        assertThat(change.getFigureKind()).isEqualTo("change");
        assertThat(change.getComputedValue()).isEqualByComparingTo("22.5");
        assertThat(change.getOutcome()).isEqualTo("equal");
    }

    @Test
    void comparison_whenTarget_thenComparedWithTheTargetLoaded() throws Exception {
        assertThat(row(7).getOutcome()).isEqualTo("equal");
        assertThat(row(8).getOutcome()).isEqualTo("different");
        assertThat(row(8).getReason()).isEqualTo("the target loaded is >55%");
    }

    @Test
    void comparison_whenBudgetLine_thenAmountAndVarianceOfTheLineByItsLabel() throws Exception {
        var amount = row(9);
        assertThat(amount.getFigureKind()).isEqualTo("budget");
        assertThat(amount.getBudgetScope()).isEqualTo("6.81");
        assertThat(amount.getBudgetLine()).isEqualTo("Personeel");
        assertThat(amount.getPublishedValue()).isEqualByComparingTo("6085");
        assertThat(amount.getOutcome()).isEqualTo("equal");
        var variance = row(10);
        assertThat(variance.getComputedValue()).isEqualByComparingTo("-85");
        assertThat(variance.getOutcome()).isEqualTo("equal");
    }

    @Test
    void comparison_whenNothingToCompare_thenNotComputedWithReasonAndToelichting() throws Exception {
        var reserves = row(11);
        assertThat(reserves.getOutcome()).isEqualTo("not computed");
        assertThat(reserves.getReason()).isEqualTo("no realisatie amount of a line labelled \"Onttrekking reserves\" for 6.81 in 2019");
        assertThat(reserves.getToelichting()).isEqualTo("the sample has no reserves line");
        assertThat(row(12).getReason()).isEqualTo("indicator housing_first is not in the indicator catalog");
    }

    @Test
    void load_whenBadPublishedRows_thenRejectedWithColumnAndReason() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var rejects = w.dsl.selectFrom(REJECTED_ROW).orderBy(REJECTED_ROW.ROW_NUMBER).fetch();
            assertThat(rejects).extracting(r -> r.getRowNumber() + " " + r.getColumnName() + " " + r.getRawValue() + ": " + r.getReason())
                    .containsExactly("13 waarde veel: 'veel' is not a number",
                            "14 indicator 6.81 | prognose | Personeel: unknown budget version prognose: expected one of "
                            + "realisatie, begroting, bijgestelde_begroting, raming, afwijking");
        }
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void load_whenPublishedFigures_thenSummaryCountsAndNamesEveryDifference() {
        assertThat(run.out()).contains("Published figures: 12 compared: 8 equal (2 of them after rounding), 2 different, 2 not computed (mart.published_comparison).")
                .contains("    different: hg_duur_kort, Barendrecht 2019, published 64% (Begroting 2021, 12): computed 65.0000 at the published precision")
                .contains("    not computed: 6.81 | realisatie | Onttrekking reserves, Rotterdam 2019, published 20 (Begroting 2021, 40): "
                          + "no realisatie amount of a line labelled \"Onttrekking reserves\" for 6.81 in 2019; the sample has no reserves line");
    }

    @Test
    void publicDatabase_whenComputedValueIsASmallCell_thenHiddenThereAsInIndicatorYearly() throws Exception {
        assertThat(row(15).getComputedValue()).isEqualByComparingTo("3");
        try (Warehouse w = Warehouse.open(warehouse.resolveSibling("publiek.duckdb"))) {
            var small = w.dsl.selectFrom(PUBLISHED_COMPARISON).where(PUBLISHED_COMPARISON.ROW_NUMBER.eq(15)).fetchOne();
            assertThat(small.getComputedValue()).isNull();
            assertThat(small.getComputedText()).isNull();
            assertThat(small.getPublishedText()).isEqualTo("3");
            // every value figure shows its computed value exactly when its cell is shown in indicator_yearly
            var shown = w.dsl.fetch("""
                    SELECT p.row_number, p.computed_value IS NOT NULL AS computed_shown, NOT y.suppressed AS cell_shown
                    FROM mart.published_comparison p
                    JOIN mart.indicator_yearly y ON y.indicator_code = p.indicator_code AND y.year = p.year
                     AND y.municipality_code = p.municipality_code
                    WHERE p.figure_kind = 'value'""");
            assertThat(shown).hasSize(5).allSatisfy(r -> assertThat(r.get("computed_shown")).isEqualTo(r.get("cell_shown")));
            assertThat(shown).anySatisfy(r -> assertThat(r.get("computed_shown")).isEqualTo(true));
        }
    }

    @Test
    void load_whenGateOnAndAFigureDiffers_thenNotPublishedExitFour() {
        var gated = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", temp.resolve("gated/w.duckdb").toString(),
                "--opvangmonitor.published.gate=true");
        assertThat(gated.exitCode()).isEqualTo(4);
        assertThat(gated.out()).contains("FAILED mart.published_comparison published_figures_reproduced: 2 published figures differ, first different: "
                + "hg_duur_kort, Barendrecht 2019");
        assertThat(Files.exists(temp.resolve("gated/w.duckdb"))).isFalse();
    }
}
