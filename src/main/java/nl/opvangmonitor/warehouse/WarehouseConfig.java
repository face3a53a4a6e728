package nl.opvangmonitor.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import nl.opvangmonitor.privacy.PseudonymKeySource;
import nl.opvangmonitor.privacy.Pseudonymizer;
import nl.opvangmonitor.publish.StorageVersion;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two databases: the DuckDB warehouse (primary; every query through jOOQ, bulk writes through
 * DuckDB's Appender) and, next to it, an embedded H2 file holding Spring Batch's job repository
 * (DuckDB is not a database Spring Batch supports), which gives run history and restart.
 */
@Configuration
@EnableConfigurationProperties(OpvangmonitorProperties.class)
public class WarehouseConfig {

    /** Where the migrations (V__) and the views (R__) are. */
    public static final List<String> MIGRATIONS = List.of("classpath:db/migrations", "classpath:db/views");

    @Bean
    @Primary
    public DataSource warehouseDataSource(OpvangmonitorProperties properties) {
        Path file = properties.databaseFile();
        createParent(file);
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("warehouse");
        ds.setDriverClassName("org.duckdb.DuckDBDriver");
        ds.setJdbcUrl("jdbc:duckdb:" + file);
        // Every file this connection creates or attaches (the public database too) is readable by DuckDB 1.x.
        ds.setDataSourceProperties(StorageVersion.connectionProperties(properties.storageVersion()));
        // A load appends in chunks: checkpoint once at the end rather than every 16 MB of log.
        ds.setConnectionInitSql("SET checkpoint_threshold = '1GB'");
        ds.setMaximumPoolSize(4);
        ds.setMinimumIdle(0);
        return ds;
    }

    @Bean(defaultCandidate = false)
    @BatchDataSource
    public DataSource batchDataSource(OpvangmonitorProperties properties) {
        createParent(properties.warehouse().toAbsolutePath());
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("batch");
        ds.setDriverClassName("org.h2.Driver");
        ds.setJdbcUrl(jobRepositoryUrl(properties.warehouse()) + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        ds.setUsername("sa");
        ds.setMaximumPoolSize(4);
        return ds;
    }

    /** The H2 database of the job repository, beside the warehouse: {@code <name>-jobs}. */
    public static String jobRepositoryUrl(Path warehouse) {
        return "jdbc:h2:file:" + jobRepositoryBase(warehouse);
    }

    /** The file H2 keeps the job repository in. */
    public static Path jobRepositoryFile(Path warehouse) {
        Path base = jobRepositoryBase(warehouse);
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    private static Path jobRepositoryBase(Path warehouse) {
        Path absolute = warehouse.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName().toString().replaceFirst("\\.duckdb$", "") + "-jobs");
    }

    @Bean
    @BatchTransactionManager
    public PlatformTransactionManager batchTransactionManager(@BatchDataSource DataSource batchDataSource) {
        return new JdbcTransactionManager(batchDataSource);
    }

    @Bean
    public DSLContext dsl(DataSource warehouseDataSource) {
        return DSL.using(warehouseDataSource, SQLDialect.DUCKDB);
    }

    @Bean
    public Flyway warehouseFlyway(DataSource warehouseDataSource) {
        return migrations().dataSource(warehouseDataSource).load();
    }

    /** How the warehouse is migrated, without a database yet: the one configuration the application and its tests use. */
    public static FluentConfiguration migrations() {
        return Flyway.configure()
                .locations(MIGRATIONS.toArray(String[]::new))
                .cleanDisabled(true)
                // every pending migration in one transaction: a failure leaves the warehouse as it was, and one
                // commit instead of one per migration (a fresh warehouse migrates in 0.6 s instead of 0.9 s)
                .group(true);
    }

    @Bean
    public Pseudonymizer pseudonymizer(OpvangmonitorProperties properties, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("production");
        return new Pseudonymizer(PseudonymKeySource.resolve(System.getenv(PseudonymKeySource.ENV),
                properties.pseudonym() == null ? null : properties.pseudonym().keyFile(), production));
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
    }
}
