package nl.opvangmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse's migrations run as one transaction: all of them, or none. */
class WarehouseMigrationIT {

    @TempDir
    Path temp;

    @Test
    void migrate_whenTheLastPendingMigrationFails_thenTheWarehouseKeepsNoneOfThem() throws Exception {
        // given the application's migrations and, after them, one that fails
        Path extra = Files.createDirectories(temp.resolve("extra"));
        Files.writeString(extra.resolve("V999__fails.sql"), "CREATE TABLE core.half_done (x INTEGER);\nSELECT * FROM core.no_such_table;\n");
        try (HikariDataSource warehouse = new HikariDataSource()) {
            warehouse.setJdbcUrl("jdbc:duckdb:" + temp.resolve("w.duckdb"));
            Flyway application = new WarehouseConfig().warehouseFlyway(warehouse);
            List<String> locations = new ArrayList<>(WarehouseConfig.MIGRATIONS);
            locations.add("filesystem:" + extra);
            Flyway withFailure = WarehouseConfig.migrations().dataSource(warehouse).locations(locations.toArray(String[]::new)).load();

            // when
            assertThatThrownBy(withFailure::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("no_such_table");

            // then not one migration stays: no table in core
            var dsl = DSL.using(warehouse, org.jooq.SQLDialect.DUCKDB);
            String coreTables = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'core'";
            assertThat(dsl.fetchOne(coreTables).get(0, Long.class)).isZero();

            // and the application's own migrations then apply in full
            assertThat(application.migrate().migrationsExecuted).isEqualTo(application.info().applied().length);
            assertThat(dsl.fetchOne(coreTables).get(0, Long.class)).isGreaterThan(10);
        }
    }
}
