package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import nl.opvangmonitor.ingest.read.DefectiveWorkbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries as a hostile exporter makes them: a stray quote, an unclosed quote, a value too wide for
 * its column, workbooks with malformed sheet XML. Each breaks its own file (exit 3) or its own row, with
 * the place and the reason; the good file of the same night loads and is published.
 */
class HostileExportsJobIT {

    static final List<String> COLUMNS = Arrays.asList(BrokenExportsJobIT.HEADER.strip().split(";"));

    @TempDir
    static Path temp;
    static CommandLineRunner.Result night;
    static Path warehouse;

    static String row(int n) {
        return "M" + n + ";K" + (1000 + n) + ";01-02-2019;GM0599;partnergeweld;6;ja;ja;nee;;nee\n";
    }

    static String rows(int from, int to) {
        StringBuilder csv = new StringBuilder();
        IntStream.rangeClosed(from, to).forEach(n -> csv.append(row(n)));
        return csv.toString();
    }

    static void workbook(Path file, UnaryOperator<String> edit) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int n = 5001; n <= 5003; n++) {
            rows.add(Arrays.asList(row(n).strip().split(";", -1)));
        }
        DefectiveWorkbooks.write(file, COLUMNS, rows, "meldingsdatum", edit);
    }

    @BeforeAll
    static void loadHostileExports() throws Exception {
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("good.csv"), BrokenExportsJobIT.HEADER + rows(1, 5));
        // line 101 (the 100th record) opens a quote that the following lines never close properly
        Files.writeString(vt.resolve("stray_quote.csv"), BrokenExportsJobIT.HEADER + rows(1001, 1099) + "\"" + rows(1100, 1400));
        Files.writeString(vt.resolve("unclosed_quote_last_line.csv"), BrokenExportsJobIT.HEADER + rows(2001, 2010)
                + "M2011;K3011;01-02-2019;GM0599;\"partnergeweld;6;ja;ja;nee;;nee\n");
        Files.writeString(vt.resolve("too_wide_for_column.csv"), BrokenExportsJobIT.HEADER + rows(3001, 3002)
                + "M3003;K4003;01-02-2019;GM0599;partnergeweld;99999,995;ja;ja;nee;;nee\n"
                + "M3004;K4004;01-02-2019;GM0599;partnergeweld;99999,99;ja;ja;nee;;nee\n");
        workbook(vt.resolve("shared_string_out_of_range.xlsx"), x -> x.replaceFirst("(<c r=\"A3\"[^>]*t=\"s\"[^>]*><v>)\\d+", "$199999"));
        workbook(vt.resolve("row_reference_abc.xlsx"), x -> x.replace("<row r=\"3\"", "<row r=\"abc\""));
        workbook(vt.resolve("style_zz.xlsx"), x -> x.replaceFirst("(<c r=\"C3\"[^>]*) s=\"\\d+\"", "$1 s=\"zz\""));
        workbook(vt.resolve("seven_letter_reference.xlsx"), x -> x.replace("r=\"B3\"", "r=\"AAAAAAA3\""));
        workbook(vt.resolve("negative_date_serial.xlsx"), x -> x.replaceFirst("(<c r=\"C3\"[^>]*><v>)[^<]+", "$1-5"));
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        night = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());
    }

    Map<String, String> column(org.jooq.TableField<?, String> field, String status) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.select(LOAD_FILE.FILE_PATH, field).from(LOAD_FILE).where(LOAD_FILE.STATUS.eq(status))
                    .fetchMap(LOAD_FILE.FILE_PATH, field);
        }
    }

    @Test
    void load_whenFilesAreHostile_thenEachFailsOnItsOwnAndTheRestIsPublished() throws Exception {
        assertThat(night.exitCode()).isEqualTo(3);
        assertThat(night.out()).contains("Published");
        assertThat(column(LOAD_FILE.FILE_PATH, "LOADED").keySet()).containsExactlyInAnyOrder(
                "veiligthuis/good.csv", "veiligthuis/too_wide_for_column.csv", "veiligthuis/negative_date_serial.xlsx");
        try (Warehouse w = Warehouse.open(warehouse)) {
            // good 5, too wide 3 of 4, negative date serial 2 of 3; nothing of a broken file
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo(10);
        }
    }

    @Test
    void load_whenAQuoteIsStrayOrUnclosed_thenTheFileFailsNamingTheLineWhereTheStructureBroke() throws Exception {
        Map<String, String> failed = column(LOAD_FILE.MESSAGE, "FAILED");
        assertThat(failed.get("veiligthuis/stray_quote.csv")).isEqualTo("cannot read the file: line 101: a quote (\") opens a field"
                + " that swallows line 102, a whole record; the file's structure breaks at line 101");
        assertThat(failed.get("veiligthuis/unclosed_quote_last_line.csv")).isEqualTo("cannot read the file: line 12: a quote (\")"
                + " opens a field that is never closed; the file's structure breaks at this line (lines 12 to 13 would be one value)");
        assertThat(night.out()).contains("file not loaded: cannot read the file: line 101: a quote");
    }

    @Test
    void load_whenAValueDoesNotFitItsColumn_thenOnlyThatRowIsRejected() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var rejects = w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).join(LOAD_FILE).on(LOAD_FILE.FILE_ID.eq(REJECTED_ROW.FILE_ID))
                    .where(LOAD_FILE.FILE_PATH.eq("veiligthuis/too_wide_for_column.csv")).fetch();
            assertThat(rejects).extracting(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())).containsExactly(
                    tuple(4, "duur_geweld_maanden", "99999,995",
                            "'99999,995' does not fit the column duur_geweld_maanden (at most 99999.99 in absolute value)"));
        }
    }

    @Test
    void load_whenAWorkbookHasMalformedXml_thenThatWorkbookFailsWithTheRowAndReason() throws Exception {
        Map<String, String> failed = column(LOAD_FILE.MESSAGE, "FAILED");
        assertThat(failed).containsEntry("veiligthuis/shared_string_out_of_range.xlsx", "cannot read the file: row 3, column A:"
                        + " the cell refers to a style or shared text that does not exist (the workbook XML is malformed)")
                .containsEntry("veiligthuis/row_reference_abc.xlsx",
                        "cannot read the file: sheet row 3: the row reference is not a row number (the sheet XML is malformed)")
                .containsEntry("veiligthuis/style_zz.xlsx", "cannot read the file: row 3, column C:"
                        + " the cell refers to a style or shared text that does not exist (the workbook XML is malformed)")
                .containsEntry("veiligthuis/seven_letter_reference.xlsx",
                        "cannot read the file: row 3: a cell reference that is not a column of a sheet (the sheet XML is malformed)");
    }

    @Test
    void load_whenADateCellHoldsANegativeSerial_thenThatRowIsRejectedAsNoDate() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var rejects = w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).join(LOAD_FILE).on(LOAD_FILE.FILE_ID.eq(REJECTED_ROW.FILE_ID))
                    .where(LOAD_FILE.FILE_PATH.eq("veiligthuis/negative_date_serial.xlsx")).fetch();
            assertThat(rejects).extracting(r -> tuple(r.value1(), r.value2(), r.value3())).containsExactly(
                    tuple(3, "meldingsdatum", "'-5' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)"));
        }
    }
}
