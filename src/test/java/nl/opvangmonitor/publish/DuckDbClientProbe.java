package nl.opvangmonitor.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Opens a DuckDB file read-only with whichever DuckDB JDBC driver is on the class path and prints the
 * answers to queries (one per file line, blank-line separated blocks) as text. Run in a child JVM
 * with an older driver, and in-process with ours, so that the answers can be compared.
 */
public final class DuckDbClientProbe {

    private DuckDbClientProbe() {
    }

    /** Arguments: the database file and a file holding the queries separated by a line with ";". */
    public static void main(String[] args) throws Exception {
        try (Connection c = connect(Path.of(args[0]))) {
            System.out.print(answers(c, queries(Path.of(args[1]))));
        }
    }

    public static Connection connect(Path file) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
    }

    public static List<String> queries(Path file) throws IOException {
        return List.of(Files.readString(file).split("\n;\n"));
    }

    /** Every query's rows (tab-separated) or the kind of its error (drivers word the details differently), under a line naming the query's number. */
    public static String answers(Connection c, List<String> queries) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            out.append("== query ").append(i + 1).append('\n');
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(queries.get(i))) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int col = 1; col <= columns; col++) {
                        out.append(col > 1 ? "\t" : "").append(r.getString(col));
                    }
                    out.append('\n');
                }
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                out.append("error: ").append(message.contains(":") ? message.substring(0, message.indexOf(':')) : message).append('\n');
            }
        }
        return out.toString();
    }
}
