package nl.opvangmonitor.ingest.read;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not what its extension says is rejected with what it is, never with its bytes. */
class MisnamedFileTest {

    private static final SourceColumns COLUMNS = SourceColumns.of(List.of("melding_id", "client_id"), List.of());

    @TempDir
    Path dir;

    @Test
    void open_whenWorkbookIsNamedCsv_thenSaysItIsAWorkbook() throws Exception {
        // given
        Path workbookNamedCsv = dir.resolve("workbook_named.csv");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbookNamedCsv)) {
            var row = wb.createSheet().createRow(0);
            row.createCell(0).setCellValue("melding_id");
            row.createCell(1).setCellValue("123456782");
            wb.write(out);
        }

        // when / then
        assertThatThrownBy(() -> TabularFile.open(workbookNamedCsv, 1, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("not a CSV file: the content is a workbook (XLSX) or another ZIP archive, not text; "
                        + "deliver a CSV export or give the file the extension of what it is");
    }

    @Test
    void open_whenBinaryIsNamedCsv_thenSaysItIsBinaryWithoutEchoingIt() throws Exception {
        // given
        Path binaryNamedCsv = Files.write(dir.resolve("binary_named.csv"), new byte[] {'1', '2', '3', 0, 7, 8, '4', '5', '6', 0});

        // when / then
        assertThatThrownBy(() -> TabularFile.open(binaryNamedCsv, 1, COLUMNS))
                .hasMessage("not a CSV file: the content is a binary file, not text; "
                        + "deliver a CSV export or give the file the extension of what it is");
    }

    @Test
    void open_whenCsvIsNamedXlsx_thenSaysItIsTextWithoutEchoingIt() throws Exception {
        // given
        Path csvNamedXlsx = Files.writeString(dir.resolve("csv_named.xlsx"), "melding_id;client_id\nM-1;123456782\n", StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> TabularFile.open(csvNamedXlsx, 1, COLUMNS))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("not an .xlsx workbook: the content is a text (CSV) file; "
                        + "deliver it with the extension of what it is (.csv for a CSV export)");
    }
}
