package nl.opvangmonitor.ingest.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks as a hostile or broken exporter writes them: a valid workbook written by POI whose sheet
 * XML is then edited (a row reference that is not a number, a style or shared string that does not
 * exist, a cell reference of seven letters, a negative date serial).
 */
public final class DefectiveWorkbooks {

    private DefectiveWorkbooks() {
    }

    /**
     * Writes a workbook with a header row and the given rows (all text, except cells that parse as a
     * number; the column named {@code dateColumn} is written as an Excel date of 1 February 2019), then
     * applies {@code edit} to the XML of its first sheet.
     */
    public static void write(Path file, List<String> header, List<List<String>> rows, String dateColumn,
                             UnaryOperator<String> edit) throws IOException {
        Path plain = Files.createTempFile("workbook", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            XSSFSheet sheet = workbook.createSheet("Meldingen");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (header.get(c).equals(dateColumn)) {
                        row.createCell(c).setCellValue(java.time.LocalDate.of(2019, 2, 1));
                        row.getCell(c).setCellStyle(date);
                    } else if (value.matches("\\d{1,6}")) {
                        row.createCell(c).setCellValue(Integer.parseInt(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(plain)) {
                workbook.write(out);
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /** The sheet XML of a workbook, to write an edit against. */
    public static String sheetXml(Path file) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no sheet1.xml in " + file);
    }

}
