package nl.opvangmonitor.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a DuckDB file read-only, as analysts and BI tools should: several read-only connections can
 * share the file, and the nightly load (which writes a build, never the published file) is not blocked.
 */
public final class ReadOnlyWarehouse {

    private ReadOnlyWarehouse() {
    }

    public static Connection connect(Path file) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
    }
}
