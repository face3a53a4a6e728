package nl.opvangmonitor.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TabularFileTest {

    private static final long FILE_ID = 42;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The columns of a Veilig Thuis-like export. */
    private static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("melding_id", "datum_melding", "status"), List.of("aantal"));

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- CSV

    @Test
    void open_whenUtf8WithBomAndSemicolons_thenBomStrippedAndValuesRead() throws Exception {
        // given
        Path utf8BomSemicolon = csv("utf8_bom_semicolon.csv", concat(UTF8_BOM,
                "melding_id;datum_melding;status\r\nM-1;05-03-2019;geëscaleerd\r\n".getBytes(StandardCharsets.UTF_8)));

        // when
        List<SourceRow> rows = readAll(utf8BomSemicolon, COLUMNS);

        // then
        assertThat(rows).hasSize(1);
        SourceRow row = rows.getFirst();
        assertThat(row.fileId()).isEqualTo(FILE_ID);
        assertThat(row.rowNumber()).isEqualTo(2);
        assertThat(row.get("melding_id")).isEqualTo("M-1");
        assertThat(row.get("datum_melding")).isEqualTo("05-03-2019");
        assertThat(row.get("status")).isEqualTo("geëscaleerd");
        assertThat(row.get("aantal")).isNull();
    }

    @Test
    void open_whenWindows1252WithCommas_thenAccentsDecoded() throws Exception {
        // given
        Path windows1252Comma = csv("windows1252_comma.csv",
                "melding_id,datum_melding,status,aantal\r\nM-7,05-03-2019,geëscaleerd,3\r\n".getBytes(WINDOWS_1252));

        // when
        List<SourceRow> rows = readAll(windows1252Comma, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("melding_id")).isEqualTo("M-7");
            assertThat(row.get("status")).isEqualTo("geëscaleerd");
            assertThat(row.get("aantal")).isEqualTo("3");
        });
    }

    @Test
    void open_whenTabSeparatedTxt_thenReadAsCsv() throws Exception {
        // given
        Path tabSeparated = csv("tab_separated.txt",
                "melding_id\tdatum_melding\tstatus\nM-1\t05-03-2019\topen\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(tabSeparated, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("melding_id")).isEqualTo("M-1");
            assertThat(row.get("status")).isEqualTo("open");
        });
    }

    @Test
    void open_whenSemicolonFileWithDecimalCommas_thenSemicolonIsTheDelimiter() throws Exception {
        // given: the commas are decimal commas inside values
        Path semicolonWithDecimalCommas = csv("semicolon_decimal_commas.csv",
                "melding_id;datum_melding;status;aantal\nM-1;05-03-2019;open;2,5\nM-2;06-03-2019;open;1,25\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(semicolonWithDecimalCommas, COLUMNS);

        // then
        assertThat(rows).extracting(r -> r.get("aantal")).containsExactly("2,5", "1,25");
    }

    @Test
    void open_whenSemicolonFileHasCommasInFreeText_thenSemicolonIsTheDelimiter() throws Exception {
        // given
        Path semicolonWithCommasInText = csv("semicolon_commas_in_text.csv",
                "melding_id;datum_melding;status\nM-1;05-03-2019;een, twee, drie, vier\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(semicolonWithCommasInText, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("een, twee, drie, vier"));
    }

    @Test
    void open_whenQuotedFieldSpansLines_thenOneValueAndPhysicalLineNumbers() throws Exception {
        // given: row 2 has a quoted field with an embedded newline and doubled quotes, so the next row is on line 4
        Path quotedMultiline = csv("quoted_multiline.csv", ("melding_id;datum_melding;status\n"
                + "M-1;05-03-2019;\"regel een\nregel \"\"twee\"\"; met puntkomma\"\n"
                + "M-2;06-03-2019;open\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(quotedMultiline, COLUMNS);

        // then
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).rowNumber()).isEqualTo(2);
        assertThat(rows.get(0).values()[2]).isEqualTo("regel een\nregel \"twee\"; met puntkomma");
        assertThat(rows.get(1).rowNumber()).isEqualTo(4);
        assertThat(rows.get(1).get("melding_id")).isEqualTo("M-2");
    }

    @Test
    void open_whenQuotedFieldSpansCrLfLines_thenPhysicalLineNumbers() throws Exception {
        // given
        Path quotedMultilineCrLf = csv("quoted_multiline_crlf.csv", ("melding_id;datum_melding;status\r\n"
                + "M-1;05-03-2019;\"een\r\ntwee\r\ndrie\"\r\n"
                + "M-2;06-03-2019;open\r\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(quotedMultilineCrLf, COLUMNS);

        // then
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 5);
    }

    @Test
    void open_whenHeaderInOtherCaseWithSpacesAndOtherOrder_thenColumnsMapped() throws Exception {
        // given
        Path headerCaseAndSpaces = csv("header_case_and_spaces.csv",
                "  STATUS ; Melding ID ;Datum Melding\nopen;M-1;05-03-2019\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(headerCaseAndSpaces, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("melding_id")).isEqualTo("M-1");
            assertThat(row.get("datum_melding")).isEqualTo("05-03-2019");
            assertThat(row.get("status")).isEqualTo("open");
        });
    }

    @Test
    void open_whenExportUsesAliasedHeader_thenMappedToCanonicalColumn() throws Exception {
        // given
        Path aliasedHeader = csv("aliased_header.csv",
                "MeldingNr;datum_melding;status\nM-1;05-03-2019;open\n".getBytes(StandardCharsets.UTF_8));
        SourceColumns columns = COLUMNS.withAliases(Map.of("melding_id", "MeldingNr"));

        // when
        List<SourceRow> rows = readAll(aliasedHeader, columns);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("melding_id")).isEqualTo("M-1"));
    }

    @Test
    void open_whenTitleRowsAboveHeader_thenHeaderFoundAndTitlesSkipped() throws Exception {
        // given
        Path titleRows = csv("title_rows.csv", ("Overzicht meldingen 2019;;\n"
                + "\n"
                + "melding_id;datum_melding;status\n"
                + "M-1;05-03-2019;open\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(titleRows, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(4);
            assertThat(row.get("melding_id")).isEqualTo("M-1");
        });
    }

    @Test
    void open_whenRequiredColumnMissing_thenRejectedNamingColumnAndHeader() throws IOException {
        // given
        Path missingColumn = csv("missing_column.csv",
                "melding_id;status;aantal\nM-1;open;3\n".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> TabularFile.open(missingColumn, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("missing required column")
                .hasMessageContaining("datum_melding")
                .hasMessage("missing required column datum_melding; the closest header row (row 1) has 3 filled cells, of which 3 expected: "
                        + "melding_id, status, aantal");
    }

    @Test
    void open_whenSeveralRequiredColumnsMissing_thenAllNamed() throws IOException {
        // given
        Path missingColumns = csv("missing_columns.csv",
                "Titel van het rapport\nmelding_id;Opmerking\nM-1;x\n".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> TabularFile.open(missingColumns, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("missing required columns datum_melding, status; the closest header row (row 2) has 2 filled cells, of which 1 expected: "
                        + "melding_id (the other 1 not recognised)");
    }

    @Test
    void open_whenFileEmpty_thenNoHeaderRowFound() throws IOException {
        // given
        Path empty = csv("empty.csv", new byte[0]);

        // when / then
        assertThatThrownBy(() -> TabularFile.open(empty, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("the file is empty: no header row found");
    }

    @Test
    void open_whenOnlyBlankLinesAndDelimiters_thenNoHeaderRowFound() throws IOException {
        // given
        Path onlyBlankLines = csv("only_blank_lines.csv", "\n  \n;;;;\n\r\n".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> TabularFile.open(onlyBlankLines, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("the file is empty: no header row found");
    }

    @Test
    void next_whenBlankAndTrailingDelimiterRows_thenSkippedNotReturned() throws Exception {
        // given
        Path blankAndTrailingRows = csv("blank_and_trailing_rows.csv", ("melding_id;datum_melding;status;aantal;extra\n"
                + "M-1;05-03-2019;open;3;\n"
                + "\n"
                + "   \n"
                + "M-2;06-03-2019;dicht;4;\n"
                + ";;;;\n"
                + ";;;;\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows;
        int notes;
        try (TabularFile file = TabularFile.open(blankAndTrailingRows, FILE_ID, COLUMNS)) {
            rows = drain(file);
            notes = file.noteRowsSkipped();
        }

        // then
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 5);
        assertThat(rows).extracting(r -> r.get("melding_id")).containsExactly("M-1", "M-2");
        assertThat(notes).isZero();
    }

    @Test
    void next_whenNoTrailingNewline_thenLastRowRead() throws Exception {
        // given
        Path noTrailingNewline = csv("no_trailing_newline.csv",
                "melding_id;datum_melding;status\nM-1;05-03-2019;open".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(noTrailingNewline, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("open"));
    }

    @Test
    void ignoredColumns_whenExtraColumns_thenListedAndValuesStillAligned() throws Exception {
        // given
        Path extraColumns = csv("extra_columns.csv", ("melding_id;Interne notitie;datum_melding;status;Postcode\n"
                + "M-1;geheim;05-03-2019;open;3511AB\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<String> ignored;
        List<SourceRow> rows;
        try (TabularFile file = TabularFile.open(extraColumns, FILE_ID, COLUMNS)) {
            ignored = file.ignoredColumns();
            rows = drain(file);
        }

        // then
        assertThat(ignored).containsExactly("Interne notitie", "Postcode");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).containsExactly("M-1", "05-03-2019", "open", null);
            assertThat(row.get("datum_melding")).isEqualTo("05-03-2019");
        });
    }

    @Test
    void ignoredColumns_whenColumnRepeated_thenFirstUsedAndSecondIgnored() throws Exception {
        // given
        Path duplicateColumn = csv("duplicate_column.csv",
                "melding_id;datum_melding;status;Status\nM-1;05-03-2019;open;dicht\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<String> ignored;
        List<SourceRow> rows;
        try (TabularFile file = TabularFile.open(duplicateColumn, FILE_ID, COLUMNS)) {
            ignored = file.ignoredColumns();
            rows = drain(file);
        }

        // then
        assertThat(ignored).containsExactly("Status");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("open"));
    }

    @Test
    void next_whenSingleCellRowBetweenDataRows_thenHandedOnAsDataInOrder() throws Exception {
        // given: a row with one filled cell in the middle of the data is data (to be rejected), not a note
        Path singleCellRowInData = csv("single_cell_row_in_data.csv", ("melding_id;datum_melding;status\n"
                + "M-1;05-03-2019;open\n"
                + "M-2;;\n"
                + "M-3;07-03-2019;open\n"
                + "Bron: Veilig Thuis;;\n").getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows;
        int notes;
        try (TabularFile file = TabularFile.open(singleCellRowInData, FILE_ID, COLUMNS)) {
            rows = drain(file);
            notes = file.noteRowsSkipped();
        }

        // then
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 3, 4);
        assertThat(rows).extracting(r -> r.get("melding_id")).containsExactly("M-1", "M-2", "M-3");
        assertThat(notes).isEqualTo(1);
    }

    @Test
    void open_whenWindows1252AccentIsTheLastByte_thenAccentDecoded() throws Exception {
        // given: no newline after the last value
        Path windows1252AccentAtEof = csv("windows1252_accent_at_eof.csv",
                "melding_id;datum_melding;status\nM-1;05-03-2019;Zoë".getBytes(WINDOWS_1252));

        // when
        List<SourceRow> rows = readAll(windows1252AccentAtEof, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("Zoë"));
    }

    @Test
    void withAliases_whenAliasNamesUnknownColumn_thenConfigurationErrorNamesIt() {
        // when / then
        assertThatThrownBy(() -> COLUMNS.withAliases(Map.of("aantal_kinderen_typo", "Aantal kinderen")))
                .isInstanceOf(nl.opvangmonitor.privacy.SafeMessage.SafeFailure.class)
                .hasMessage("column mapping names an unknown column 'aantal_kinderen_typo'; the columns of this source are "
                        + String.join(", ", COLUMNS.all()));
    }

    @Test
    void withAliases_whenSpringDroppedTheUnderscores_thenStillMapsTheColumn() {
        // given: Spring binds columns.melding_id=MeldingNr as key "meldingid"
        SourceColumns columns = COLUMNS.withAliases(Map.of("meldingid", "MeldingNr"));

        // when / then
        assertThat(columns.canonicalFor(" meldingnr ")).isEqualTo("melding_id");
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void open_whenTitleRowsAboveAndNotesBelowData_thenDataRowsOnlyWithExcelRowNumbers() throws Exception {
        // given: rows 1-2 titles, row 3 header, rows 4-5 data, row 6 blank, rows 7-8 notes
        Path titleRowsAndNotes = xlsx("title_rows_and_notes.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Meldingen");
            cells(sheet, 0, "Overzicht meldingen Veilig Thuis 2019");
            cells(sheet, 1, "Gemeente Utrecht");
            cells(sheet, 2, "Melding ID", "Datum melding", "Status", "Aantal");
            cells(sheet, 3, "M-1", "05-03-2019", "open", "3");
            cells(sheet, 4, "M-2", "06-03-2019", "dicht", "1");
            sheet.createRow(5);
            cells(sheet, 6, "Bron: Veilig Thuis Utrecht");
            cells(sheet, 7, "* voorlopige cijfers");
        });

        // when
        List<SourceRow> rows;
        int notes;
        try (TabularFile file = TabularFile.open(titleRowsAndNotes, FILE_ID, COLUMNS)) {
            rows = drain(file);
            notes = file.noteRowsSkipped();
        }

        // then
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(4, 5);
        assertThat(rows).extracting(r -> r.get("melding_id")).containsExactly("M-1", "M-2");
        assertThat(rows.get(1).get("status")).isEqualTo("dicht");
        assertThat(notes).isEqualTo(2);
    }

    @Test
    void open_whenTypedCells_thenValuesAsDutchText() throws Exception {
        // given
        SourceColumns columns = SourceColumns.of(
                List.of("datum", "aantal", "gemiddelde", "percentage", "spoed", "afgesloten"), List.of());
        Path dateAndNumberCells = xlsx("date_and_number_cells.xlsx", wb -> {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            Sheet sheet = wb.createSheet("Data");
            cells(sheet, 0, "datum", "aantal", "gemiddelde", "percentage", "spoed", "afgesloten");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(LocalDate.of(2019, 3, 5));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(6);
            row.createCell(2).setCellValue(2.5);
            row.createCell(3).setCellValue(0.4833);
            row.getCell(3).setCellStyle(percent);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellValue(false);
        });

        // when
        List<SourceRow> rows = readAll(dateAndNumberCells, columns);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("datum")).isEqualTo("2019-03-05");
            assertThat(row.get("aantal")).isEqualTo("6");
            assertThat(row.get("gemiddelde")).isEqualTo("2,5");
            assertThat(row.get("percentage")).isEqualTo("48,33%");
            assertThat(row.get("spoed")).isEqualTo("ja");
            assertThat(row.get("afgesloten")).isEqualTo("nee");
        });
    }

    @Test
    void open_whenDateCellHasTime_thenIsoDateTime() throws Exception {
        // given
        SourceColumns columns = SourceColumns.of(List.of("melding_id", "tijdstip"), List.of());
        Path dateTimeCell = xlsx("date_time_cell.xlsx", wb -> {
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy hh:mm"));
            Sheet sheet = wb.createSheet("Data");
            cells(sheet, 0, "melding_id", "tijdstip");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("M-1");
            row.createCell(1).setCellValue(java.time.LocalDateTime.of(2019, 3, 5, 10, 15));
            row.getCell(1).setCellStyle(dateTime);
        });

        // when
        List<SourceRow> rows = readAll(dateTimeCell, columns);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("tijdstip")).isEqualTo("2019-03-05T10:15"));
    }

    @Test
    void open_whenWorkbookUses1904DateSystem_thenDateStillRight() throws Exception {
        // given
        SourceColumns columns = SourceColumns.of(List.of("melding_id", "datum"), List.of());
        Path date1904 = xlsx("date_1904_system.xlsx", wb -> {
            var workbookPr = wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr();
            workbookPr.setDate1904(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy"));
            Sheet sheet = wb.createSheet("Data");
            cells(sheet, 0, "melding_id", "datum");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("M-1");
            row.createCell(1).setCellValue(LocalDate.of(2019, 3, 5)); // POI stores the 1904 serial 42067
            row.getCell(1).setCellStyle(date);
        });

        // when
        List<SourceRow> rows = readAll(date1904, columns);

        // then
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("datum")).isEqualTo("2019-03-05"));
    }

    @Test
    void open_whenGapsBetweenCells_thenValuesStayInTheirColumns() throws Exception {
        // given: row 2 has no cell in column B at all
        Path missingCells = xlsx("missing_cells.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Data");
            cells(sheet, 0, "melding_id", "datum_melding", "status");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("M-1");
            row.createCell(2).setCellValue("open");
        });

        // when
        List<SourceRow> rows = readAll(missingCells, COLUMNS);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("melding_id")).isEqualTo("M-1");
            assertThat(row.get("datum_melding")).isNull();
            assertThat(row.get("status")).isEqualTo("open");
        });
    }

    @Test
    void open_whenWorkbookMissesRequiredColumn_thenRejectedWithExcelRowOfHeader() throws IOException {
        // given
        Path missingColumnWorkbook = xlsx("missing_column.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Data");
            cells(sheet, 0, "Titel");
            cells(sheet, 1, "melding_id", "status");
            cells(sheet, 2, "M-1", "open");
        });

        // when / then
        assertThatThrownBy(() -> TabularFile.open(missingColumnWorkbook, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("missing required column datum_melding; the closest header row (row 2) has 2 filled cells, of which 2 expected: melding_id, status");
    }

    @Test
    void open_whenPasswordProtected_thenRejectedAsPasswordProtected() throws Exception {
        // given
        Path passwordProtected = dir.resolve("password_protected.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); POIFSFileSystem fs = new POIFSFileSystem()) {
            Sheet sheet = workbook.createSheet("Data");
            cells(sheet, 0, "melding_id", "datum_melding", "status");
            cells(sheet, 1, "M-1", "05-03-2019", "open");
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                workbook.write(os);
            }
            try (OutputStream fileOut = Files.newOutputStream(passwordProtected)) {
                fs.writeFilesystem(fileOut);
            }
        }

        // when / then
        assertThatThrownBy(() -> TabularFile.open(passwordProtected, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("password-protected")
                .hasMessage("the workbook is password-protected (encrypted); deliver it without a password");
    }

    @Test
    void open_whenOldXlsWorkbookNamedXlsx_thenRejectedAsOldFormat() throws Exception {
        // given
        Path oldXlsNamedXlsx = dir.resolve("old_xls_named.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(oldXlsNamedXlsx)) {
            cells(workbook.createSheet("Data"), 0, "melding_id", "datum_melding", "status");
            workbook.write(out);
        }

        // when / then
        assertThatThrownBy(() -> TabularFile.open(oldXlsNamedXlsx, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("not an .xlsx workbook (an old .xls or other OLE2 document); save it as .xlsx");
    }

    @Test
    void open_whenRandomBytes_thenNotAValidWorkbook() throws IOException {
        // given
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 'x';
        Path corrupt = csv("corrupt.xlsx", noise);

        // when / then
        assertThatThrownBy(() -> TabularFile.open(corrupt, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("not a valid .xlsx workbook")
                .hasMessage("not a valid .xlsx workbook (the file is corrupt or of another type)");
    }

    @Test
    void open_whenTruncatedZip_thenNotAValidWorkbook() throws IOException {
        // given: the first half of a real workbook
        Path whole = xlsx("whole.xlsx", wb -> cells(wb.createSheet("Data"), 0, "melding_id", "datum_melding", "status"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncatedZip = csv("corrupt_truncated.xlsx", Arrays.copyOf(bytes, bytes.length / 2));

        // when / then
        assertThatThrownBy(() -> TabularFile.open(truncatedZip, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("not a valid .xlsx workbook (the file is corrupt");
    }

    @Test
    void open_whenZeroByteWorkbook_thenRejected() throws IOException {
        // given
        Path zeroBytes = csv("zero_bytes.xlsx", new byte[0]);

        // when / then
        assertThatThrownBy(() -> TabularFile.open(zeroBytes, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class);
    }

    // ---------------------------------------------------------------- dispatch

    @ParameterizedTest
    @ValueSource(strings = {"meldingen.pdf", "meldingen.json", "meldingen.xls", "meldingen"})
    void open_whenNotCsvOrXlsxExtension_thenRejected(String name) throws IOException {
        // given
        Path otherType = csv(name, "melding_id;datum_melding;status\n".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> TabularFile.open(otherType, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("not a .csv or .xlsx file");
    }

    @Test
    void open_whenExtensionInCapitals_thenStillRecognised() throws Exception {
        // given
        Path upperCaseExtension = csv("MELDINGEN.CSV",
                "melding_id;datum_melding;status\nM-1;05-03-2019;open\n".getBytes(StandardCharsets.UTF_8));

        // when
        List<SourceRow> rows = readAll(upperCaseExtension, COLUMNS);

        // then
        assertThat(rows).hasSize(1);
    }

    @Test
    void open_whenFileDoesNotExist_thenCannotRead() {
        // given
        Path absent = dir.resolve("absent.csv");

        // when / then
        assertThatThrownBy(() -> TabularFile.open(absent, FILE_ID, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("cannot read the file");
    }

    // ---------------------------------------------------------------- helpers

    private Path csv(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private interface WorkbookContent extends Consumer<XSSFWorkbook> {
    }

    private Path xlsx(String name, WorkbookContent content) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(workbook);
            workbook.write(out);
        }
        return file;
    }

    private static void cells(Sheet sheet, int rowIndex, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    @Test
    void open_whenTheSheetXmlPrefixesItsElements_thenReadAsWithoutPrefix() throws Exception {
        // given: the sheet is read namespace-unaware (faster), so a sheet written as <x:row><x:c> must still be found
        List<String> header = List.of("melding_id", "datum_melding", "status", "aantal");
        List<List<String>> rows = List.of(List.of("M1", "d", "open", "3"), List.of("M2", "d", "gesloten & klaar", ""));
        Path prefixed = dir.resolve("prefixed.xlsx");
        DefectiveWorkbooks.write(prefixed, header, rows, "datum_melding",
                xml -> xml.replace("xmlns=\"", "xmlns:x=\"").replaceAll("<(/?)(?=[A-Za-z])", "<$1x:"));
        assertThat(DefectiveWorkbooks.sheetXml(prefixed)).contains("<x:row").contains("<x:c ").doesNotContain("<row");

        // when
        List<SourceRow> read = readAll(prefixed, COLUMNS);

        // then
        assertThat(read).extracting(SourceRow::rowNumber, r -> r.get("melding_id"), r -> r.get("datum_melding"), r -> r.get("status"),
                r -> r.get("aantal")).containsExactly(
                tuple(2, "M1", "2019-02-01", "open", "3"),
                tuple(3, "M2", "2019-02-01", "gesloten & klaar", null));
    }

    @Test
    void open_whenTheSheetDeclaresAnExternalEntity_thenNoFileIsReadIntoACell() throws Exception {
        // given: a hostile sheet whose DTD points an entity at a file of this machine, used as a cell's value
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-CONTENT");
        List<String> header = List.of("melding_id", "datum_melding", "status", "aantal");
        Path hostile = dir.resolve("external_entity.xlsx");
        DefectiveWorkbooks.write(hostile, header, List.of(List.of("M1", "d", "open", "3")), "datum_melding",
                xml -> xml.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                        .replace("<v>3</v>", "<v>&xxe;</v>"));
        assertThat(DefectiveWorkbooks.sheetXml(hostile)).contains("<!ENTITY xxe SYSTEM").contains("<v>&xxe;</v>");

        // when / then: the parser stops at the DTD, before the first row, and the file's content is nowhere
        assertThatThrownBy(() -> readAll(hostile, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("cannot read the file: sheet row 1: the sheet XML is corrupt (not well-formed)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<SourceRow> readAll(Path path, SourceColumns columns) throws Exception {
        try (TabularFile file = TabularFile.open(path, FILE_ID, columns)) {
            return drain(file);
        }
    }

    private static List<SourceRow> drain(TabularFile file) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        SourceRow row;
        while ((row = file.next()) != null) {
            rows.add(row);
        }
        return rows;
    }
}
