package nl.opvangmonitor.financien;

import nl.opvangmonitor.Warehouse;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_RECONCILIATION;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_LINE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two real CBS Iv3 files (../shared/realdata, copied unchanged into the finance folder next to the sample)
 * load, every one of the 342 municipalities resolves, the 'Nederland' rows are not counted, the reference
 * totals of the data set come back, and 2023 and 2025 form one series across the change of taakveld codes.
 * Skipped when the real data is not there.
 */
class RealIv3FilesJobIT {

    static final Path REALDATA = Path.of("../shared/realdata");
    static final String JAARREKENING_2023 = "michielsd_iv3_2023_jaarrekening_taakveld_totalen.csv";
    static final String BEGROTING_2025 = "michielsd_iv3_2025_begroting_taakveld_totalen.csv";

    @TempDir
    static Path temp;
    static Path warehouse;
    static FinanceLoad.Run first;
    static FinanceLoad.Run second;

    @BeforeAll
    static void loadRealFilesTwice() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(REALDATA.resolve(JAARREKENING_2023)) && Files.isReadable(REALDATA.resolve(BEGROTING_2025)),
                "real Iv3 files not present in ../shared/realdata");
        Path folder = Files.createDirectories(temp.resolve("input/financien"));
        try (Stream<Path> files = Files.list(Path.of("input/financien"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.copy(REALDATA.resolve(JAARREKENING_2023), folder.resolve(JAARREKENING_2023));
        Files.copy(REALDATA.resolve(BEGROTING_2025), folder.resolve(BEGROTING_2025));
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        first = FinanceLoad.load(temp.resolve("input"), warehouse);
        // the next night the 2023 file is delivered again, re-saved (a trailing empty line): it replaces its
        // earlier delivery, the unchanged files are skipped, nothing doubles
        Files.writeString(folder.resolve(JAARREKENING_2023), "\n", java.nio.file.StandardOpenOption.APPEND);
        second = FinanceLoad.load(temp.resolve("input"), warehouse);
    }

    static BigDecimal lasten(Warehouse w, Condition... where) {
        return w.dsl.select(sum(BUDGET_LINE.AMOUNT_KEUR)).from(BUDGET_LINE)
                .where(BUDGET_LINE.KIND.eq("lasten"), BUDGET_LINE.SOURCE.eq("cbs_iv3")).and(org.jooq.impl.DSL.and(where)).fetchSingle().value1();
    }

    @Test
    void load_whenRealIv3Files_thenEveryRowLoadsAndEveryMunicipalityResolves() throws Exception {
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        try (Warehouse w = Warehouse.open(warehouse)) {
            var loaded = w.dsl.selectFrom(LOAD_FILE).where(LOAD_FILE.FILE_PATH.in("financien/" + JAARREKENING_2023, "financien/" + BEGROTING_2025),
                    LOAD_FILE.STATUS.eq("LOADED")).orderBy(LOAD_FILE.FILE_PATH).fetch();
            assertThat(loaded).extracting(f -> f.getRowsRead(), f -> f.getRowsLoaded(), f -> f.getRowsRejected())
                    .containsExactly(tuple(24353L, 24353L, 0L), tuple(23667L, 23667L, 0L));
            assertThat(w.dsl.select(BUDGET_LINE.YEAR, countDistinct(BUDGET_LINE.MUNICIPALITY_CODE)).from(BUDGET_LINE)
                    .where(BUDGET_LINE.SOURCE.eq("cbs_iv3")).groupBy(BUDGET_LINE.YEAR).orderBy(BUDGET_LINE.YEAR).fetch())
                    .extracting(r -> r.value1(), r -> r.value2())
                    .containsExactly(tuple(2023, 342), tuple(2025, 342));
        }
        assertThat(first.out())
                .contains("finance: CBS Iv3 taakveld totals, realisatie 2023 (from the file name)")
                .contains("reconciliation: 142 reported totals checked: 142 equal to the sum of their parts, 0 rounding notes, 0 errors")
                .contains("reconciliation: 138 reported totals checked: 138 equal to the sum of their parts, 0 rounding notes, 0 errors")
                .contains("rounding note row 5, Realisatie 2019, Baten exclusief reserves: 4.871 + 2.333 = 7.204, reported 7.205");
        assertThat(second.out())
                .contains("reconciliation: 142 reported totals checked: 142 equal to the sum of their parts, 0 rounding notes, 0 errors")
                .contains("Budget: 48564 amounts of detail lines and 142 reported totals loaded in this run from 1 finance file; "
                        + "reconciliation: 0 rounding notes, 0 errors (audit.budget_reconciliation).");
    }

    @Test
    void budgetLine_whenRealIv3Files_thenTheReferenceTotalsOfTheDataSet() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(lasten(w, BUDGET_LINE.TASK_FIELD_CODE.eq("6.81b"))).isEqualByComparingTo("969088");
            assertThat(lasten(w, BUDGET_LINE.TASK_FIELD_CODE.eq("6.81a"), BUDGET_LINE.YEAR.eq(2023))).isEqualByComparingTo("1333522");
            assertThat(lasten(w, BUDGET_LINE.TASK_FIELD_CODE.eq("6.812"), BUDGET_LINE.YEAR.eq(2025))).isEqualByComparingTo("948256");
            assertThat(lasten(w, BUDGET_LINE.TASK_FIELD_CODE.eq("6.811"), BUDGET_LINE.YEAR.eq(2025))).isEqualByComparingTo("1526154");
            assertThat(lasten(w, BUDGET_LINE.TASK_FIELD_CODE.eq("6.812"), BUDGET_LINE.MUNICIPALITY_NAME.eq("Amsterdam")))
                    .isEqualByComparingTo("182125");
            assertThat(lasten(w, BUDGET_LINE.YEAR.eq(2023), BUDGET_LINE.VERSION.eq("realisatie"))).isEqualByComparingTo("85666357");
            assertThat(lasten(w, BUDGET_LINE.YEAR.eq(2025), BUDGET_LINE.VERSION.eq("begroting"))).isEqualByComparingTo("83698490");
            var rotterdam = w.dsl.selectFrom(BUDGET_SUMMARY).where(BUDGET_SUMMARY.GROUPING_LEVEL.eq("gemeente"),
                    BUDGET_SUMMARY.MUNICIPALITY_CODE.eq("GM0599"), BUDGET_SUMMARY.SOURCE.eq("cbs_iv3"), BUDGET_SUMMARY.YEAR.eq(2023)).fetchSingle();
            assertThat(rotterdam.getLastenKeur()).isEqualByComparingTo("4928408");
            assertThat(rotterdam.getBatenKeur()).isEqualByComparingTo("4928404");
        }
    }

    @Test
    void budgetLine_whenQueriedAcrossTheCodeChange_thenOneComparableSeries() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            // MO/VO: 6.81b in the 2023 list, 6.812 in the 2025 list
            var series = w.dsl.select(BUDGET_LINE.COMPARABLE_TASK_FIELD_CODE, BUDGET_LINE.YEAR, BUDGET_LINE.VERSION, sum(BUDGET_LINE.AMOUNT_KEUR))
                    .from(BUDGET_LINE)
                    .where(BUDGET_LINE.SOURCE.eq("cbs_iv3"), BUDGET_LINE.KIND.eq("lasten"), BUDGET_LINE.COMPARABLE_TASK_FIELD_CODE.eq("6.812"))
                    .groupBy(BUDGET_LINE.COMPARABLE_TASK_FIELD_CODE, BUDGET_LINE.YEAR, BUDGET_LINE.VERSION).orderBy(BUDGET_LINE.YEAR).fetch();
            assertThat(series).extracting(r -> r.value1(), r -> r.value2(), r -> r.value3(), r -> r.value4().intValueExact())
                    .containsExactly(tuple("6.812", 2023, "realisatie", 969088), tuple("6.812", 2025, "begroting", 948256));
            // the same series in the summary, for Amsterdam
            var amsterdam = w.dsl.select(BUDGET_SUMMARY.YEAR, BUDGET_SUMMARY.TASK_FIELD_CODE, BUDGET_SUMMARY.LASTEN_KEUR).from(BUDGET_SUMMARY)
                    .where(BUDGET_SUMMARY.GROUPING_LEVEL.eq("taakveld"), BUDGET_SUMMARY.MUNICIPALITY_NAME.eq("Amsterdam"),
                            BUDGET_SUMMARY.COMPARABLE_TASK_FIELD_CODE.eq("6.812"))
                    .orderBy(BUDGET_SUMMARY.YEAR).fetch();
            assertThat(amsterdam).extracting(r -> r.value1(), r -> r.value2(), r -> r.value3().intValueExact())
                    .containsExactly(tuple(2023, "6.81b", 165225), tuple(2025, "6.812", 182125));
            // and over all list versions at group level 6.81 (Geëscaleerde zorg 18+): 6.81 + 6.81a + 6.81b in 2023
            var group = w.dsl.select(BUDGET_LINE.YEAR, sum(BUDGET_LINE.AMOUNT_KEUR)).from(BUDGET_LINE)
                    .where(BUDGET_LINE.SOURCE.eq("cbs_iv3"), BUDGET_LINE.KIND.eq("lasten"), BUDGET_LINE.COMPARABLE_GROUP_CODE.eq("6.81"))
                    .groupBy(BUDGET_LINE.YEAR).orderBy(BUDGET_LINE.YEAR).fetch();
            assertThat(group).extracting(r -> r.value1(), r -> r.value2().intValueExact())
                    .containsExactly(tuple(2023, 3467 + 1333522 + 969088), tuple(2025, 1526154 + 948256));
        }
    }

    @Test
    void load_whenSameFilesDeliveredAgain_thenTheEarlierDeliveryIsReplacedAndNothingDoubles() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.select(LOAD_FILE.FILE_PATH).from(LOAD_FILE).where(LOAD_FILE.STATUS.eq("SUPERSEDED")).fetch(LOAD_FILE.FILE_PATH))
                    .containsExactly("financien/" + JAARREKENING_2023);
            var superseded = w.dsl.select(LOAD_FILE.FILE_ID).from(LOAD_FILE).where(LOAD_FILE.STATUS.eq("SUPERSEDED"));
            assertThat(w.dsl.fetchCount(FCT_BUDGET, FCT_BUDGET.FILE_ID.in(superseded))).isZero();
            assertThat(w.dsl.fetchCount(BUDGET_RECONCILIATION, BUDGET_RECONCILIATION.FILE_ID.in(superseded))).isZero();
            assertThat(lasten(w, BUDGET_LINE.YEAR.eq(2023), BUDGET_LINE.VERSION.eq("realisatie"))).isEqualByComparingTo("85666357");
            assertThat(w.dsl.fetchCount(BUDGET_LINE, BUDGET_LINE.SOURCE.eq("council"))).isEqualTo(98);
        }
    }
}
