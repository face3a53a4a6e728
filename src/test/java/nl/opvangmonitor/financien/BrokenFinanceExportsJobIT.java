package nl.opvangmonitor.financien;

import nl.opvangmonitor.Warehouse;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_RECONCILIATION;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_LINE;
import static nl.opvangmonitor.db.mart.Tables.BUDGET_REPORTED_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.sum;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.db.audit.tables.records.LoadFileRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night with messy and broken finance deliveries, all in financien/: CBS Iv3 files with a national row and
 * with bad rows, a council table with a wrong subtotal, files the loader cannot place. Good files and good
 * rows load; every problem is named; totals are never counted with their parts.
 */
class BrokenFinanceExportsJobIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static FinanceLoad.Run run;

    @BeforeAll
    static void loadBrokenExports() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("input/financien"));
        // CBS Iv3 with the national row 'Nederland': 6.81a lasten off by 1.000, 6.81b baten off by 1 (2 lines summed)
        Files.writeString(folder.resolve("iv3_2023_jaarrekening.csv"), """
                Gemeenten;Taakveld;L1.1 Salarissen en sociale lasten;Baten;Lasten;Provincie
                Amsterdam;6.81a Beschermd wonen (WMO);2692.0;1752.0;103764.0;Noord-Holland
                Amsterdam;6.81b Maatschappelijke- en vrouwenopvang;2172.0;35778.0;165225.0;Noord-Holland
                Rotterdam;6.81a Beschermd wonen (WMO);;1000.0;90000.0;Zuid-Holland
                Rotterdam;6.81b Maatschappelijke- en vrouwenopvang;;2000.0;80000.5;Zuid-Holland
                Nederland;6.81a Beschermd wonen (WMO);;2752.0;194764.0;
                Nederland;6.81b Maatschappelijke- en vrouwenopvang;;37779.0;245225.5;
                """);
        Files.writeString(folder.resolve("2025_begroting_bad_rows.csv"), """
                Gemeenten;Taakveld;Baten;Lasten
                Amsterdam;6.812 Maatschappelijke- en vrouwenopva..;3630.0;182125.0
                Atlantis;6.812 Maatschappelijke- en vrouwenopva..;1.0;2.0
                Utrecht;9.99 Onbekend taakveld;1.0;2.0
                Utrecht;6.812 Maatschappelijke- en vrouwenopva..;1.234,5;100.0
                Atlantis;6.812 Maatschappelijke- en vrouwenopva..;n.v.t.;
                """);
        Files.writeString(folder.resolve("iv3_name_without_year.csv"), "Gemeenten;Taakveld;Baten;Lasten\nAmsterdam;6.1 Samenkracht;1.0;2.0\n");
        Files.writeString(folder.resolve("unknown_layout.csv"), "Dit is geen export\nmaar een notitie;met tekst\n", StandardCharsets.UTF_8);
        FinanceLoad.writeWorkbook(folder.resolve("table_without_gemeente.xlsx"),
                new String[] {"Omschrijving", "Begroting 2024"}, new String[] {"Baten", "10"}, new String[] {"Huren", "10"});
        FinanceLoad.writeWorkbook(folder.resolve("title_code_and_name_disagree.xlsx"),
                new String[] {"Rotterdam – Geëscaleerde zorg 18+ (6.82)"},
                new String[] {"", "Realisatie 2019"}, new String[] {"Baten exclusief reserves", "7.205"});
        // indented council table: Apparaatslasten reported 6.400 where its lines add up to 6.360; one amount not a number
        FinanceLoad.writeWorkbook(folder.resolve("utrecht_samenkracht_wrong_subtotal.xlsx"),
                new String[] {"Gemeente Utrecht"},
                new String[] {"Taakveld 6.1 Samenkracht en burgerparticipatie"},
                new String[] {},
                new String[] {"", "Realisatie 2023", "Begroting\n2024", "Verschil"},
                new String[] {"Baten", "100", "100"},
                new String[] {"  Leges", "100", "n.v.t."},
                new String[] {"Lasten", "6.400", "6.460"},
                new String[] {"  Apparaatslasten", "6.400", "6.460"},
                new String[] {"    Personeel", "6.000", "6.100"},
                new String[] {"    Inhuur", "360", "360"},
                new String[] {"Saldo", "-6.300", "-6.360"},
                new String[] {},
                new String[] {"Bron: begroting 2024"});
        Files.writeString(folder.resolve("long_bad_values.csv"), """
                gemeente;programma;taakveld;categorie;soort;versie;jaar;bedrag
                Rotterdam;;;Zorg;lasten;realisatie;2023;100
                Rotterdam;Zorg;;Zorg;inkomsten;realisatie;2023;100
                Rotterdam;Zorg;;Zorg;lasten;prognose;2023;100
                Rotterdam;Zorg;;Algemene reserve;reserves;realisatie;2023;100
                Rotterdam;Zorg;6.81;Onttrekking reserves;reserves;realisatie;2023;20
                Utrecht;Zorg;6.812;Subsidies;lasten;begroting;1999;1.000
                """);
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        run = FinanceLoad.load(temp.resolve("input"), warehouse);
    }

    static LoadFileRecord file(Warehouse w, String name) {
        return w.dsl.selectFrom(LOAD_FILE).where(LOAD_FILE.FILE_PATH.eq("financien/" + name)).fetchSingle();
    }

    @Test
    void load_whenSomeFilesCannotBePlaced_thenTheyFailWithTheReasonAndTheOthersLoad() throws Exception {
        assertThat(run.exitCode()).isEqualTo(3);
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(file(w, "iv3_name_without_year.csv")).extracting(LoadFileRecord::getStatus, LoadFileRecord::getMessage)
                    .containsExactly("FAILED", "a CBS Iv3 file (Gemeenten, Taakveld, Baten, Lasten), but its name does not tell the year and "
                            + "version: name it like 2023_jaarrekening.csv (realisatie 2023) or 2025_begroting.csv (begroting 2025)");
            assertThat(file(w, "unknown_layout.csv")).extracting(LoadFileRecord::getStatus, LoadFileRecord::getMessage)
                    .containsExactly("FAILED", "not a finance export of a known layout: expected a header with gemeente, soort, versie, jaar, "
                            + "bedrag (long layout), with Gemeenten, Taakveld, Baten, Lasten (CBS Iv3) or with column headings such as "
                            + "'Realisatie 2019', 'Begroting 2020' (council table); the first rows hold none of these (row 1: 1 filled cell, row 2: 2 filled cells)");
            assertThat(file(w, "table_without_gemeente.xlsx")).extracting(LoadFileRecord::getStatus, LoadFileRecord::getMessage)
                    .containsExactly("FAILED", "a council table, but which gemeente is it about? Name it in a title row above the table "
                            + "(e.g. 'Rotterdam – Geëscaleerde zorg 18+ (6.81)' or 'Gemeente Rotterdam') or in the file name");
            assertThat(file(w, "title_code_and_name_disagree.xlsx")).extracting(LoadFileRecord::getStatus, LoadFileRecord::getMessage)
                    .containsExactly("FAILED", "the title rows disagree about the taakveld: code 6.82 is 'Geëscaleerde zorg 18-', but "
                            + "'Rotterdam – Geëscaleerde zorg 18+ (6.82)' names 'Geëscaleerde zorg 18+' (6.81); correct the title");
            assertThat(w.dsl.selectFrom(LOAD_FILE).fetch()).allSatisfy(f ->
                    assertThat(f.getRowsRead()).isEqualTo(f.getRowsLoaded() + f.getRowsRejected()));
        }
        assertThat(run.out()).contains("Every file: rows read = rows loaded + rows rejected.");
    }

    @Test
    void budgetLine_whenIv3FileHasTheNationalRow_thenNederlandIsNotCountedAsAMunicipality() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var lasten = w.dsl.select(BUDGET_LINE.TASK_FIELD_CODE, sum(BUDGET_LINE.AMOUNT_KEUR), countDistinct(BUDGET_LINE.MUNICIPALITY_CODE))
                    .from(BUDGET_LINE).where(BUDGET_LINE.KIND.eq("lasten"), BUDGET_LINE.YEAR.eq(2023), BUDGET_LINE.SOURCE.eq("cbs_iv3"))
                    .groupBy(BUDGET_LINE.TASK_FIELD_CODE).orderBy(BUDGET_LINE.TASK_FIELD_CODE).fetch();
            assertThat(lasten).extracting(r -> r.value1(), r -> r.value2().toPlainString(), r -> r.value3())
                    .containsExactly(tuple("6.81a", "193764.000", 2), tuple("6.81b", "245225.500", 2));
            assertThat(w.dsl.fetchCount(BUDGET_LINE, BUDGET_LINE.MUNICIPALITY_NAME.eq("Nederland"))).isZero();

            var national = w.dsl.selectFrom(BUDGET_REPORTED_TOTAL).where(BUDGET_REPORTED_TOTAL.MUNICIPALITY_NAME.eq("Nederland"))
                    .orderBy(BUDGET_REPORTED_TOTAL.TASK_FIELD_CODE, BUDGET_REPORTED_TOTAL.KIND).fetch();
            assertThat(national).extracting(r -> r.getTaskFieldCode(), r -> r.getKind(), r -> r.getReportedKeur().toPlainString(),
                            r -> r.getSumOfPartsKeur().toPlainString(), r -> r.getReconciliation(), r -> r.getCheckKind())
                    .containsExactly(
                            tuple("6.81a", "baten", "2752.000", "2752.000", "equal", "national_total"),
                            tuple("6.81a", "lasten", "194764.000", "193764.000", "error", "national_total"),
                            tuple("6.81b", "baten", "37779.000", "37778.000", "rounding", "national_total"),
                            tuple("6.81b", "lasten", "245225.500", "245225.500", "equal", "national_total"));
            assertThat(national).allSatisfy(r -> assertThat(r.getMunicipalityCode()).isNull());
        }
        assertThat(run.out())
                .contains("finance: CBS Iv3 taakveld totals, realisatie 2023 (from the file name); the 'Nederland' rows are national totals, "
                        + "reconciled with the municipalities")
                .contains("reconciliation: 4 reported totals checked: 2 equal to the sum of their parts, 1 rounding note, 1 error")
                .contains("ERROR row 6, Realisatie 2023, Nederland 6.81a Lasten: sum of 2 lines = 193.764, reported 194.764 "
                        + "(difference 1.000; tolerance 2)")
                .contains("rounding note row 7, Realisatie 2023, Nederland 6.81b Baten: sum of 2 lines = 37.778, reported 37.779 "
                        + "(difference 1; tolerance 2)");
    }

    @Test
    void load_whenIv3RowsHaveBadValues_thenRowsRejectedWithColumnValueAndReason() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            LoadFileRecord f = file(w, "2025_begroting_bad_rows.csv");
            assertThat(f).extracting(LoadFileRecord::getStatus, LoadFileRecord::getRowsRead, LoadFileRecord::getRowsLoaded,
                    LoadFileRecord::getRowsRejected).containsExactly("LOADED", 5L, 1L, 4L);
            // a line is staged as a row per amount (baten, lasten): each reason is named once, each bad amount under its column
            assertThat(w.dsl.selectFrom(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.eq(f.getFileId()))
                    .orderBy(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME).fetch())
                    .extracting(r -> r.getRowNumber(), r -> r.getColumnName(), r -> r.getRawValue(), r -> r.getReason())
                    .containsExactly(
                            tuple(3, "gemeenten", "Atlantis", "unknown gemeente: not a municipality name or CBS code of core.dim_municipality "
                                    + "(municipalities of 2023 and earlier; a name spelt otherwise can be added to core.budget_municipality_alias)"),
                            tuple(4, "taakveld", "9.99 Onbekend taakveld",
                                    "unknown taakveld: not a code or name of the Iv3 taakvelden lists (core.dim_iv3_task_field)"),
                            tuple(5, "baten", "1.234,5", "'1.234,5' is not an amount as CBS Iv3 files write it "
                                    + "(1234.0: a decimal point, no thousands separators)"),
                            tuple(6, "baten", "n.v.t.", "'n.v.t.' is not an amount as CBS Iv3 files write it "
                                    + "(1234.0: a decimal point, no thousands separators)"),
                            tuple(6, "gemeenten", "Atlantis", "unknown gemeente: not a municipality name or CBS code of core.dim_municipality "
                                    + "(municipalities of 2023 and earlier; a name spelt otherwise can be added to core.budget_municipality_alias)"),
                            tuple(6, "lasten", null, "required value is empty"));
        }
    }

    @Test
    void load_whenCouncilTableHasAWrongSubtotal_thenTheFileLoadsAndTheErrorIsReported() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            LoadFileRecord f = file(w, "utrecht_samenkracht_wrong_subtotal.xlsx");
            assertThat(f).extracting(LoadFileRecord::getStatus, LoadFileRecord::getRowsRead, LoadFileRecord::getRowsLoaded,
                    LoadFileRecord::getRowsRejected, LoadFileRecord::getNoteRowsSkipped, LoadFileRecord::getIgnoredColumns)
                    .containsExactly("LOADED", 7L, 6L, 1L, 1L, "Verschil");
            assertThat(w.dsl.selectFrom(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.eq(f.getFileId())).fetch())
                    .extracting(r -> r.getRowNumber(), r -> r.getColumnName(), r -> r.getRawValue(), r -> r.getReason())
                    .containsExactly(tuple(6, "Begroting 2024", "n.v.t.", "'n.v.t.' is not an amount (x € 1.000, written as 7.205 or -23)"));
            assertThat(w.dsl.select(BUDGET_RECONCILIATION.CATEGORY_PATH, BUDGET_RECONCILIATION.YEAR, BUDGET_RECONCILIATION.OUTCOME)
                    .from(BUDGET_RECONCILIATION).where(BUDGET_RECONCILIATION.FILE_ID.eq(f.getFileId()))
                    .orderBy(BUDGET_RECONCILIATION.ROW_NUMBER, BUDGET_RECONCILIATION.YEAR).fetch())
                    .extracting(r -> r.value1(), r -> r.value2(), r -> r.value3())
                    .containsExactly(
                            tuple("Baten", 2023, "error"), tuple("Baten", 2024, "error"),
                            tuple("Lasten", 2023, "equal"), tuple("Lasten", 2024, "equal"),
                            tuple("Lasten > Apparaatslasten", 2023, "error"), tuple("Lasten > Apparaatslasten", 2024, "equal"),
                            tuple("Saldo", 2023, "equal"), tuple("Saldo", 2024, "equal"));
            assertThat(w.dsl.select(BUDGET_LINE.CATEGORY_PATH, BUDGET_LINE.YEAR).from(BUDGET_LINE)
                    .where(BUDGET_LINE.FILE_PATH.eq("financien/utrecht_samenkracht_wrong_subtotal.xlsx"))
                    .orderBy(BUDGET_LINE.ROW_NUMBER, BUDGET_LINE.YEAR).fetch())
                    .extracting(r -> r.value1(), r -> r.value2())
                    .containsExactly(tuple("Lasten > Apparaatslasten > Personeel", 2023), tuple("Lasten > Apparaatslasten > Personeel", 2024),
                            tuple("Lasten > Apparaatslasten > Inhuur", 2023), tuple("Lasten > Apparaatslasten > Inhuur", 2024));
        }
        assertThat(run.out())
                .contains("finance: council table (wide): gemeente Utrecht, taakveld 6.1 Samenkracht en burgerparticipatie, "
                        + "columns Realisatie 2023, Begroting 2024")
                .contains("structure: totals recognised from the indentation of the labels")
                .contains("ERROR row 8, Realisatie 2023, Lasten > Apparaatslasten: 6.000 + 360 = 6.360, reported 6.400 (difference 40; tolerance 2)")
                .contains("ERROR row 5, Realisatie 2023, Baten: no line under it was loaded, reported 100 (difference 100; tolerance 0)");
    }

    @Test
    void load_whenLongRowsHaveBadValues_thenEachRejectedWithItsReason() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            LoadFileRecord f = file(w, "long_bad_values.csv");
            assertThat(f).extracting(LoadFileRecord::getRowsRead, LoadFileRecord::getRowsLoaded, LoadFileRecord::getRowsRejected)
                    .containsExactly(6L, 1L, 5L);
            assertThat(w.dsl.selectFrom(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.eq(f.getFileId())).orderBy(REJECTED_ROW.ROW_NUMBER).fetch())
                    .extracting(r -> r.getRowNumber(), r -> r.getColumnName(), r -> r.getRawValue(), r -> r.getReason())
                    .containsExactly(
                            tuple(2, "taakveld", null, "taakveld and programma are both empty: a budget line needs at least one of them"),
                            tuple(3, "soort", "inkomsten", "soort must be baten, lasten or reserves"),
                            tuple(4, "versie", "prognose", "unknown versie: use realisatie, begroting, bijgestelde begroting or raming"),
                            tuple(5, "categorie", "Algemene reserve", "for soort reserves, say in categorie (or soort) whether it is a "
                                    + "toevoeging or an onttrekking: the one lowers the saldo, the other raises it"),
                            tuple(7, "jaar", "1999", "year outside the supported range 2000-2040"));
            var onttrekking = w.dsl.selectFrom(BUDGET_LINE).where(BUDGET_LINE.FILE_PATH.eq("financien/long_bad_values.csv")).fetchSingle();
            assertThat(onttrekking.getKind()).isEqualTo("reserves");
            assertThat(onttrekking.getSaldoEffectKeur()).isEqualByComparingTo("20");
            assertThat(onttrekking.getTaskFieldName()).isEqualTo("Geëscaleerde zorg 18+");
        }
    }
}
