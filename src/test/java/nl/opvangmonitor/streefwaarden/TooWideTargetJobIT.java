package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targets source, set-based: every notation, area and indicator read by the rules in SQL, bad rows rejected
 * with column and reason; a value its fact column cannot store is a rejected row with its reason, never a failed write.
 */
class TooWideTargetJobIT {

    static final String HEADER = "indicator;gemeente;jaar;streefwaarde;bron;publicatiedatum\n";

    @TempDir
    Path temp;

    @Test
    void load_whenATargetIsTooWideForItsColumn_thenThatRowIsRejectedByTheColumnsBound() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/streefwaarden"));
        Files.writeString(folder.resolve("good.csv"), HEADER + "hg_duur_kort;GM0599;2019;>55%;Begroting 2021;05-11-2020\n");
        Files.writeString(folder.resolve("too_wide.csv"), HEADER + "hg_duur_kort;GM0014;2019;>1000000000000000000;Begroting 2021;05-11-2020\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> status = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS).from(LOAD_FILE)
                    .fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS);
            assertThat(status).containsEntry("streefwaarden/good.csv", "LOADED").containsEntry("streefwaarden/too_wide.csv", "LOADED");
            assertThat(w.dsl.fetchCount(FCT_TARGET)).isEqualTo(1);
            // the bound comes from core.fct_target.target_value, DECIMAL(18, 4); a run of seven or more digits is
            // masked in what a reject shows, as anything that could be an identifier

            assertThat(w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).fetch().map(r -> r.intoList()))
                    .containsExactly(List.of(2, "streefwaarde", "><masked>",
                            "'><masked>' does not fit the column target_value (at most 99999999999999.9999 in absolute value)"));
        }
    }

    @Test
    void load_whenTargetsInEveryNotation_thenOperatorValueAreaAndRejectsWithTheirReasons() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/streefwaarden"));
        Files.writeString(folder.resolve("targets.csv"), HEADER
                + "hg_duur_kort;Rotterdam;2019;≥ 55%;Begroting 2021;05-11-2020\n"
                + "HG_DUUR_KORT;Veilig Thuis Groningen;2020;88-90%;Jaarverslag;\n"
                + "mo_unieke_personen;0014;2021;1.200;Begroting 2021;\n"
                + "vt_meldingen;gemeente groningen;2022;**;;\n"
                + "hg_duur_kort;MOBW-GM0599;2023;0;;\n"
                + "geen_indicator;GM0599;2019;>55%;;\n"
                + "hg_duur_kort;Atlantis;2019;>55%;;\n"
                + "hg_duur_kort;GM0599;2109;veel;;\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.select(FCT_TARGET.ROW_NUMBER, FCT_TARGET.INDICATOR_CODE, FCT_TARGET.AREA_CODE, FCT_TARGET.YEAR,
                            FCT_TARGET.TARGET_OPERATOR, FCT_TARGET.TARGET_VALUE.cast(String.class), FCT_TARGET.TARGET_VALUE_UPPER.cast(String.class))
                    .from(FCT_TARGET).orderBy(FCT_TARGET.ROW_NUMBER).fetch().map(r -> r.intoList()))
                    .containsExactly(
                            java.util.Arrays.asList(2, "hg_duur_kort", "GM0599", 2019, ">=", "55.0000", null),
                            java.util.Arrays.asList(3, "hg_duur_kort", "VT-GRONINGEN", 2020, "between", "88.0000", "90.0000"),
                            java.util.Arrays.asList(4, "mo_unieke_personen", "GM0014", 2021, "<=", "1200.0000", null),
                            java.util.Arrays.asList(5, "vt_meldingen", "GM0014", 2022, null, null, null),
                            java.util.Arrays.asList(6, "hg_duur_kort", "MOBW-GM0599", 2023, "=", "0.0000", null));
            assertThat(w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).orderBy(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME).fetch().map(r -> r.intoList()))
                    .containsExactly(
                            List.of(7, "indicator", "geen_indicator", "unknown indicator: not in the indicator catalog (core.dim_indicator)"),
                            List.of(8, "gemeente", "Atlantis", "unknown gemeente or region"),
                            List.of(9, "jaar", "2109", "year outside the supported range 2000-2040"),
                            List.of(9, "streefwaarde", "veel", "'veel' is not a target (expected e.g. >55%, <200, 0 or **)"));
            assertThat(w.dsl.select(LOAD_FILE.ROWS_READ, LOAD_FILE.ROWS_LOADED, LOAD_FILE.ROWS_REJECTED).from(LOAD_FILE).fetchOne().intoList())
                    .containsExactly(8L, 5L, 3L);
        }
    }
}
