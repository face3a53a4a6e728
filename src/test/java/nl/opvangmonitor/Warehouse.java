package nl.opvangmonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Opens a warehouse file read-only for assertions, the way an analyst or BI tool would; or an empty
 * in-memory DuckDB for tests of SQL (a field {@code @AutoClose Warehouse db = Warehouse.inMemory()}).
 */
public final class Warehouse implements AutoCloseable {

    private final Connection connection;
    public final DSLContext dsl;

    private Warehouse(Connection connection) {
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.DUCKDB);
    }

    public static Warehouse open(Path file) throws SQLException {
        return new Warehouse(ReadOnlyWarehouse.connect(file));
    }

    public static Warehouse inMemory() {
        try {
            return new Warehouse(DriverManager.getConnection("jdbc:duckdb:"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory DuckDB", e);
        }
    }

    /**
     * Defines the macros of the repeatable views (file names under sql/views) in schema core, exactly as
     * the migrations write them, and nothing else: for tests of the notation rules without a warehouse.
     */
    public Warehouse withCoreMacros(String... views) {
        try {
            dsl.execute("CREATE SCHEMA IF NOT EXISTS core");
            for (String view : views) {
                String migration = new String(getClass().getResourceAsStream("/db/views/" + view).readAllBytes(), StandardCharsets.UTF_8);
                for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (statement.strip().startsWith("CREATE OR REPLACE MACRO")) {
                        dsl.execute(statement);
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
