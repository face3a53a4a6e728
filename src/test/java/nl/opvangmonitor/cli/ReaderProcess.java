package nl.opvangmonitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A BI tool in another process: holds one read-only connection to the published warehouse and
 * counts the meldingen every 50 ms until the stop file appears. Prints "count N" per query, or
 * "ERROR ..." and exits 1 on any failure.
 */
public final class ReaderProcess {

    private ReaderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path warehouse = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly)) {
            while (!Files.exists(stop)) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from core.fct_melding")) {
                    r.next();
                    System.out.println("count " + r.getLong(1));
                    System.out.flush();
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            System.out.println("ERROR " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
