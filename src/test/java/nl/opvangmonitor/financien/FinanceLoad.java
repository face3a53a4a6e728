package nl.opvangmonitor.financien;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import nl.opvangmonitor.Application;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Test support: runs the real {@code load} command capturing its summary, and opens the warehouse read-only as an analyst would. */
final class FinanceLoad {

    record Run(int exitCode, String out) {
    }

    private FinanceLoad() {
    }

    static synchronized Run load(Path input, Path warehouse, String... extra) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[4 + extra.length];
        args[0] = "load";
        args[1] = "--input";
        args[2] = input.toString();
        args[3] = "--warehouse=" + warehouse;
        System.arraycopy(extra, 0, args, 4, extra.length);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Application.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            originalOut.print(out.toString(StandardCharsets.UTF_8));
        }
    }

    /** A read-only connection to the warehouse, with jOOQ on it. */
    static final class ReadOnly implements AutoCloseable {
        private final Connection connection;
        final DSLContext dsl;

        ReadOnly(Path warehouse) throws SQLException {
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly);
            dsl = DSL.using(connection, SQLDialect.DUCKDB);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
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
