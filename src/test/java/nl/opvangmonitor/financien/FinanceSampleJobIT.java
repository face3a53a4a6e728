package nl.opvangmonitor.financien;

import nl.opvangmonitor.Warehouse;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_RECONCILIATION;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_LINE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_REPORTED_TOTAL;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_SUMMARY;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_VARIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the finance sample of input/financien (the Rotterdam Geëscaleerde zorg 18+ table of DESIGN.md §5 as
 * copied into Excel, the same lines as a long file for Raming 2025, and the 2023 variance example of seed 001)
 * and checks the published figures come back.
 */
class FinanceSampleJobIT {

    static final String WIDE = "financien/rotterdam_geescaleerde_zorg_begroting_2021.xlsx";
    static final String[] VERSIONS = {"realisatie", "begroting", "begroting", "raming", "raming", "raming"};
    static final int[] YEARS = {2019, 2020, 2021, 2022, 2023, 2024};
    /** The detail lines of DESIGN.md §5, x € 1.000, Realisatie 2019 .. Raming 2024. */
    static final Object[][] DETAIL_LINES = {
            {"Baten exclusief reserves > Bijdragen rijk en medeoverheden", "baten", 4871, 3889, 3597, 4347, 4347, 4347},
            {"Baten exclusief reserves > Overige opbrengsten derden", "baten", 2333, 2722, 3083, 3083, 3083, 3083},
            {"Lasten exclusief reserves > Apparaatslasten > Inhuur", "lasten", 162, -23, 45, 45, 45, 45},
            {"Lasten exclusief reserves > Apparaatslasten > Overige apparaatslasten", "lasten", 113, 108, 130, 130, 113, 113},
            {"Lasten exclusief reserves > Apparaatslasten > Personeel", "lasten", 6085, 6343, 6226, 6225, 5629, 5629},
            {"Lasten exclusief reserves > Intern resultaat", "lasten", 871, 925, 251, 251, 94, 94},
            {"Lasten exclusief reserves > Programmalasten > Inkopen en uitbestede werkzaamheden", "lasten", 4488, 6538, 6617, 6262, 6381, 6381},
            {"Lasten exclusief reserves > Programmalasten > Overige programmalasten", "lasten", 76, 0, 0, 0, 0, 0},
            {"Lasten exclusief reserves > Programmalasten > Sociale uitkeringen", "lasten", 84685, 89513, 59647, 54340, 53612, 52915},
            {"Lasten exclusief reserves > Programmalasten > Subsidies en inkomensoverdrachten", "lasten", 44452, 57760, 56247, 52800, 52102, 51102},
            {"Onttrekking reserves", "reserves", 20, 0, 0, 0, 0, 0}};

    @TempDir
    static Path temp;
    static Path warehouse;
    static FinanceLoad.Run run;

    @BeforeAll
    static void loadFinanceSample() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/financien"));
        try (Stream<Path> files = Files.list(Path.of("input/financien"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        run = FinanceLoad.load(temp.resolve("input"), warehouse);
    }

    @Test
    void load_whenFinanceSample_thenEveryFileLoadsAndTheSummaryNamesTheRoundingNotes() throws Exception {
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("finance: council table (wide): gemeente Rotterdam, taakveld 6.81 Geëscaleerde zorg 18+, columns Realisatie 2019, "
                        + "Begroting 2020, Begroting 2021, Raming 2022, Raming 2023, Raming 2024")
                .contains("reconciliation: 36 reported totals checked: 33 equal to the sum of their parts, 3 rounding notes, 0 errors")
                .contains("rounding note row 5, Realisatie 2019, Baten exclusief reserves: 4.871 + 2.333 = 7.204, reported 7.205 "
                        + "(difference 1; tolerance 2)")
                .contains("rounding note row 14, Raming 2023, Lasten exclusief reserves > Programmalasten: 6.381 + 0 + 53.612 + 52.102 "
                        + "= 112.095, reported 112.094 (difference -1; tolerance 4)")
                .contains("Budget: 98 amounts of detail lines and 36 reported totals loaded in this run from 3 finance files; "
                        + "reconciliation: 3 rounding notes, 0 errors (audit.budget_reconciliation).")
                .contains("Every file: rows read = rows loaded + rows rejected.")
                .contains("Result: COMPLETED (exit 0)");
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.selectFrom(LOAD_FILE).orderBy(LOAD_FILE.FILE_PATH).fetch())
                    .extracting(f -> f.getFilePath(), f -> f.getStatus(), f -> f.getRowsRead(), f -> f.getRowsLoaded(), f -> f.getRowsRejected())
                    .containsExactly(
                            tuple("financien/rotterdam_geescaleerde_zorg_begroting_2021.xlsx", "LOADED", 17L, 17L, 0L),
                            tuple("financien/rotterdam_geescaleerde_zorg_raming_2025.csv", "LOADED", 11L, 11L, 0L),
                            tuple("financien/rotterdam_zorg_welzijn_wijkteams_jaarstukken_2023.csv", "LOADED", 21L, 21L, 0L));
        }
    }

    @Test
    void budgetLine_whenCouncilTable_thenTheRotterdamTableComesBackLineForLine() throws Exception {
        // given: the detail lines of the published table, column by column
        List<Object> expected = new ArrayList<>();
        for (Object[] line : DETAIL_LINES) {
            for (int c = 0; c < YEARS.length; c++) {
                expected.add(tuple(line[0], line[1], VERSIONS[c], YEARS[c], new BigDecimal((Integer) line[2 + c]).setScale(3)));
            }
        }

        // when
        List<Record> lines;
        try (Warehouse w = Warehouse.open(warehouse)) {
            lines = new ArrayList<>(w.dsl.select(BUDGET_LINE.CATEGORY_PATH, BUDGET_LINE.KIND, BUDGET_LINE.VERSION, BUDGET_LINE.YEAR,
                            BUDGET_LINE.AMOUNT_KEUR, BUDGET_LINE.MUNICIPALITY_CODE, BUDGET_LINE.TASK_FIELD_CODE, BUDGET_LINE.TASK_FIELD_NAME,
                            BUDGET_LINE.SOURCE)
                    .from(BUDGET_LINE).where(BUDGET_LINE.FILE_PATH.eq(WIDE))
                    .orderBy(BUDGET_LINE.ROW_NUMBER, BUDGET_LINE.YEAR).fetch());
        }

        // then
        assertThat(lines).extracting(r -> tuple(r.get(BUDGET_LINE.CATEGORY_PATH), r.get(BUDGET_LINE.KIND), r.get(BUDGET_LINE.VERSION),
                r.get(BUDGET_LINE.YEAR), r.get(BUDGET_LINE.AMOUNT_KEUR))).containsExactlyElementsOf((List) expected);
        assertThat(lines).allSatisfy(r -> {
            assertThat(r.get(BUDGET_LINE.MUNICIPALITY_CODE)).isEqualTo("GM0599");
            assertThat(r.get(BUDGET_LINE.TASK_FIELD_CODE)).isEqualTo("6.81");
            assertThat(r.get(BUDGET_LINE.TASK_FIELD_NAME)).isEqualTo("Geëscaleerde zorg 18+");
            assertThat(r.get(BUDGET_LINE.SOURCE)).isEqualTo("council");
        });
    }

    @Test
    void budgetSummary_whenCouncilTable_thenBatenLastenAndSaldoAsPublished() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var rows = w.dsl.selectFrom(BUDGET_SUMMARY)
                    .where(BUDGET_SUMMARY.GROUPING_LEVEL.eq("taakveld"), BUDGET_SUMMARY.TASK_FIELD_CODE.eq("6.81"), BUDGET_SUMMARY.YEAR.le(2024))
                    .orderBy(BUDGET_SUMMARY.YEAR).fetch();
            assertThat(rows).extracting(r -> r.getVersion(), r -> r.getYear(), r -> r.getBatenKeur().intValueExact(),
                            r -> r.getLastenKeur().intValueExact(), r -> r.getSaldoKeur().intValueExact(),
                            r -> r.getSaldoAfterReservesKeur().intValueExact(), r -> r.getSaldoOfDetailLinesKeur().intValueExact())
                    .containsExactly(
                            tuple("realisatie", 2019, 7205, 140932, -133727, -133707, -133728),
                            tuple("begroting", 2020, 6611, 161164, -154553, -154553, -154553),
                            tuple("begroting", 2021, 6680, 129163, -122483, -122483, -122483),
                            tuple("raming", 2022, 7430, 120053, -112623, -112623, -112623),
                            tuple("raming", 2023, 7430, 117976, -110546, -110546, -110546),
                            tuple("raming", 2024, 7430, 116279, -108849, -108849, -108849));
        }
    }

    @Test
    void reportedTotal_whenCouncilTable_thenSubtotalsAsPublishedAndReconciledWithinRounding() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var subtotals = w.dsl.select(BUDGET_REPORTED_TOTAL.YEAR, BUDGET_REPORTED_TOTAL.REPORTED_KEUR, BUDGET_REPORTED_TOTAL.SUM_OF_PARTS_KEUR,
                            BUDGET_REPORTED_TOTAL.RECONCILIATION)
                    .from(BUDGET_REPORTED_TOTAL)
                    .where(BUDGET_REPORTED_TOTAL.CATEGORY_PATH.eq("Lasten exclusief reserves > Programmalasten"))
                    .orderBy(BUDGET_REPORTED_TOTAL.YEAR).fetch();
            assertThat(subtotals).extracting(r -> r.value1(), r -> r.value2().intValueExact(), r -> r.value3().intValueExact(), r -> r.value4())
                    .containsExactly(tuple(2019, 133701, 133701, "equal"), tuple(2020, 153811, 153811, "equal"),
                            tuple(2021, 122511, 122511, "equal"), tuple(2022, 113402, 113402, "equal"),
                            tuple(2023, 112094, 112095, "rounding"), tuple(2024, 110398, 110398, "equal"));
            assertThat(w.dsl.select(BUDGET_REPORTED_TOTAL.REPORTED_KEUR).from(BUDGET_REPORTED_TOTAL)
                    .where(BUDGET_REPORTED_TOTAL.CATEGORY_PATH.eq("Lasten exclusief reserves > Apparaatslasten"))
                    .orderBy(BUDGET_REPORTED_TOTAL.YEAR).fetch(r -> r.value1().intValueExact()))
                    .containsExactly(6360, 6428, 6401, 6400, 5787, 5787);
            assertThat(w.dsl.select(BUDGET_REPORTED_TOTAL.CATEGORY_PATH, BUDGET_REPORTED_TOTAL.LINE_ROLE).from(BUDGET_REPORTED_TOTAL)
                    .where(BUDGET_REPORTED_TOTAL.YEAR.eq(2019)).orderBy(BUDGET_REPORTED_TOTAL.ROW_NUMBER).fetch())
                    .extracting(r -> r.value1(), r -> r.value2())
                    .containsExactly(tuple("Baten exclusief reserves", "total"), tuple("Lasten exclusief reserves", "total"),
                            tuple("Lasten exclusief reserves > Apparaatslasten", "total"),
                            tuple("Lasten exclusief reserves > Programmalasten", "total"),
                            tuple("Saldo voor reserveringen", "saldo"), tuple("Saldo", "saldo"));

            // the rounding note 4.871 + 2.333 = 7.204 against the published 7.205 is stored, not rejected
            var baten2019 = w.dsl.selectFrom(BUDGET_RECONCILIATION)
                    .where(BUDGET_RECONCILIATION.CATEGORY_PATH.eq("Baten exclusief reserves"), BUDGET_RECONCILIATION.YEAR.eq(2019)).fetchSingle();
            assertThat(baten2019.getReportedKeur()).isEqualByComparingTo("7205");
            assertThat(baten2019.getPartsKeur()).isEqualByComparingTo("7204");
            assertThat(baten2019.getPartsCount()).isEqualTo(2);
            assertThat(baten2019.getOutcome()).isEqualTo("rounding");
            assertThat(w.dsl.select(BUDGET_RECONCILIATION.OUTCOME, count()).from(BUDGET_RECONCILIATION)
                    .groupBy(BUDGET_RECONCILIATION.OUTCOME).orderBy(BUDGET_RECONCILIATION.OUTCOME).fetch())
                    .extracting(r -> r.value1(), r -> r.value2())
                    .containsExactly(tuple("equal", 33), tuple("rounding", 3));
        }
    }

    @Test
    void budgetLine_whenLongFileForAnotherYear_thenTheSameLinesForRaming2025() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var raming2025 = w.dsl.select(BUDGET_LINE.CATEGORY_PATH, BUDGET_LINE.AMOUNT_KEUR).from(BUDGET_LINE)
                    .where(BUDGET_LINE.VERSION.eq("raming"), BUDGET_LINE.YEAR.eq(2025)).orderBy(BUDGET_LINE.ROW_NUMBER).fetch();
            assertThat(raming2025).extracting(r -> r.value1(), r -> r.value2().intValueExact())
                    .containsExactlyElementsOf(Stream.of(DETAIL_LINES).map(l -> tuple(l[0], l[7])).toList());
            var summary = w.dsl.selectFrom(BUDGET_SUMMARY).where(BUDGET_SUMMARY.GROUPING_LEVEL.eq("taakveld"),
                    BUDGET_SUMMARY.TASK_FIELD_CODE.eq("6.81"), BUDGET_SUMMARY.YEAR.eq(2025)).fetchSingle();
            assertThat(summary.getSaldoKeur()).isEqualByComparingTo("-108849");
        }
    }

    @Test
    void budgetVariance_whenJaarstukken2023_thenThePublishedVariancesAgainstTheBijgesteldeBegroting() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var items = w.dsl.select(BUDGET_VARIANCE.CATEGORY_PATH, sum(BUDGET_VARIANCE.VARIANCE_KEUR)).from(BUDGET_VARIANCE)
                    .where(BUDGET_VARIANCE.PROGRAMME.eq("Zorg, welzijn en wijkteams"), BUDGET_VARIANCE.YEAR.eq(2023))
                    .groupBy(BUDGET_VARIANCE.CATEGORY_PATH).orderBy(BUDGET_VARIANCE.CATEGORY_PATH).fetch();
            assertThat(items).extracting(r -> r.value1(), r -> r.value2().intValueExact()).containsExactly(
                    tuple("Diverse afwijkingen", -2736),
                    tuple("Opvang vluchtelingen Oekraïners", 5505),
                    tuple("Tegemoetkoming Meerkosten Zorg (TMZ)", 1220),
                    tuple("Welzijn en preventie", 5250),
                    tuple("Wijkteams", -3474),
                    tuple("Zorg", -41181));
            var programme = w.dsl.select(sum(BUDGET_VARIANCE.VARIANCE_KEUR)).from(BUDGET_VARIANCE)
                    .where(BUDGET_VARIANCE.PROGRAMME.eq("Zorg, welzijn en wijkteams"), BUDGET_VARIANCE.YEAR.eq(2023)).fetchSingle().value1();
            assertThat(programme).isEqualByComparingTo("-35416");
            assertThat(w.dsl.selectDistinct(BUDGET_VARIANCE.BUDGET_VERSION).from(BUDGET_VARIANCE).fetch(BUDGET_VARIANCE.BUDGET_VERSION))
                    .containsExactly("bijgestelde_begroting");
            var zorg = w.dsl.selectFrom(BUDGET_VARIANCE).where(BUDGET_VARIANCE.CATEGORY_PATH.eq("Zorg")).fetchSingle();
            assertThat(zorg.getBudgetKeur()).isEqualByComparingTo("520000");
            assertThat(zorg.getRealisatieKeur()).isEqualByComparingTo("561181");
            assertThat(zorg.getVarianceKind()).isEqualTo("tegenvaller");
        }
    }
}
