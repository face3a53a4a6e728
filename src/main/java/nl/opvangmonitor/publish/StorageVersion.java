package nl.opvangmonitor.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The DuckDB storage version the warehouse files are written in. DuckDB 2.0 writes its own format
 * (storage version 69) by default, which DuckDB 1.x (the clients analysts, Evidence, Cube and BI tools
 * run) refuses to open. Pinned to {@link #DEFAULT}, every DuckDB from 1.2 on (so 1.4 LTS and 1.5) reads
 * the files, comments included. Older settings do not help: {@code v1.0.0} and {@code v1.1.0} write the
 * v0.10.2 format under another name, in larger files.
 */
public final class StorageVersion {

    /** The oldest storage version that writes what it names and keeps every table, view and comment. */
    public static final String DEFAULT = "v1.2.0";

    /** The DuckDB setting that makes every file this connection creates or attaches use the pinned version. */
    public static final String SETTING = "storage_compatibility_version";

    private StorageVersion() {
    }

    /** Which DuckDB releases open a file of this version, e.g. {@code DuckDB 1.2 and newer}. */
    public static String readers(String version) {
        return "DuckDB " + version.substring(1, version.lastIndexOf('.')) + " and newer";
    }

    /** Connection properties for DuckDB JDBC: new files are written in {@code version}. */
    public static Properties connectionProperties(String version) {
        Properties properties = new Properties();
        properties.setProperty(SETTING, version);
        return properties;
    }

    /** The version a DuckDB file is written in, as DuckDB reports it ({@code v1.2.0}, {@code v2.0.0}). */
    public static String of(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + sql(file) + "' AS probed (READ_ONLY)");
            try (ResultSet r = s.executeQuery("SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'probed'")) {
                r.next();
                String tag = r.getString(1);
                return tag == null ? "unknown" : tag.replace("+", "");
            }
        }
    }

    /**
     * Copies {@code source} to {@code target} written in {@code version}: a plain file copy when it is
     * written in that version already, otherwise every schema, table, view, sequence and comment is
     * copied into a new file of that version. Returns the version {@code source} was in when it was
     * converted, or null when it was copied as it is. {@code target} is a build: a failure leaves the
     * source untouched and the next load starts the build again.
     */
    public static String copyAs(Path source, Path target, String version) {
        try {
            String found = of(source);
            if (found.equals(version)) {
                Files.copy(source, target);
                return null;
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:", connectionProperties(version));
                 Statement s = c.createStatement()) {
                s.execute("ATTACH '" + sql(source) + "' AS old_file (READ_ONLY)");
                s.execute("ATTACH '" + sql(target) + "' AS new_file (STORAGE_VERSION '" + version.replace("'", "") + "')");
                s.execute("COPY FROM DATABASE old_file TO new_file");
                s.execute("DETACH new_file");
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy " + source.getFileName() + " into storage version " + version
                    + ": " + nl.opvangmonitor.privacy.SafeMessage.of(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static String sql(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }
}
