package nl.opvangmonitor.financien;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test support: runs the real {@code load} command capturing its summary (reading the result: {@link nl.opvangmonitor.Warehouse}). */
final class FinanceLoad {

    record Run(int exitCode, String out) {
    }

    private FinanceLoad() {
    }

    static Run load(Path input, Path warehouse, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "load";
        args[1] = "--input";
        args[2] = input.toString();
        args[3] = "--warehouse=" + warehouse;
        System.arraycopy(extra, 0, args, 4, extra.length);
        var result = CommandLineRunner.run(args);
        return new Run(result.exitCode(), result.out());
    }

    /** A workbook as finance pastes it: every cell text, rows as given (null = empty cell, an empty array = blank row). */
    static void writeWorkbook(Path file, String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Blad1");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
    }
}
