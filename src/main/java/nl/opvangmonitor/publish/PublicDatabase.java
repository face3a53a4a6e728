package nl.opvangmonitor.publish;

import static org.jooq.impl.DSL.inline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import nl.opvangmonitor.privacy.SafeMessage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database for analysts and BI tools: only the marts (aggregates, the indicator catalog, the
 * municipality and region lists, budget figures), never person-level rows. Small cells are
 * suppressed in {@code mart.indicator_yearly}:
 * <ul>
 *   <li>primary: a count below the minimum; a percentage whose numerator or complement (denominator
 *       minus numerator: "9 of 10 safe" says 1 is not) is below it; a mean whose denominator is below it;</li>
 *   <li>secondary: cells that add up form one table: a total indicator and its parts (declared in
 *       core.indicator_family: an indicator and its age or type splits) in an area and year, and a
 *       region and its municipalities. Where exactly one cell of such a table is suppressed, it could be
 *       recovered by subtraction, so the smallest other cell is suppressed too; repeated over all tables
 *       until none has exactly one suppressed cell (a cell suppressed for one table may expose another);</li>
 *   <li>optionally every count (a count's value, a percentage's numerator and denominator, a mean's number of
 *       cases) is rounded to a multiple of {@code roundTo}, totals and parts alike.</li>
 * </ul>
 * Suppressed rows keep their keys with value, numerator and denominator NULL and {@code suppressed} true.
 * Budget amounts are not suppressed.
 */
public final class PublicDatabase {

    private static final Logger log = LoggerFactory.getLogger(PublicDatabase.class);

    private PublicDatabase() {
    }

    /**
     * Writes the public database to {@code target} from a closed warehouse file, read-only (the build of
     * this run, or the published warehouse when the public file is missing or out of date), in the
     * given DuckDB storage version.
     */
    public static void buildFrom(Path warehouse, Path target, String storageVersion, int minCount, int roundTo, Path parquetFolder) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", StorageVersion.connectionProperties(storageVersion))) {
            DSLContext c = DSL.using(connection, SQLDialect.DUCKDB);
            c.query("ATTACH {0} AS warehouse (READ_ONLY)", inline(warehouse.toString())).execute();
            c.query("USE warehouse").execute();
            build(c, target, minCount, roundTo, parquetFolder);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse " + warehouse + " to publish from: " + SafeMessage.of(e), e);
        }
    }

    /**
     * The public file exists and holds the figures of the last run published in the warehouse
     * ({@code mart.publication.run_id} equals the warehouse's last run).
     */
    public static boolean isCurrent(Path warehouse, Path publicFile) {
        if (!Files.exists(warehouse) || !Files.exists(publicFile)) {
            return !Files.exists(warehouse);
        }
        try (Connection w = ReadOnlyWarehouse.connect(warehouse); Connection p = ReadOnlyWarehouse.connect(publicFile)) {
            Long published = DSL.using(w, SQLDialect.DUCKDB).fetchOne("SELECT max(run_id) FROM audit.load_run").get(0, Long.class);
            // a file built before mart.publication held its suppression settings is not current either
            Long figures = DSL.using(p, SQLDialect.DUCKDB).fetchOne("SELECT max(run_id), max(suppression_min_count) FROM mart.publication").get(0, Long.class);
            return published != null && published.equals(figures);
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            log.info("public file {} is not current: {}", publicFile, SafeMessage.of(e));
            return false;
        }
    }

    /** Writes the public database to {@code target} from the (checked) warehouse {@code dsl} is connected to. */
    private static void build(DSLContext dsl, Path target, int minCount, int roundTo, Path parquetFolder) {
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dsl.connection(connection -> {
            DSLContext c = DSL.using(connection, dsl.dialect());
            c.query("ATTACH {0} AS publiek", inline(target.toString())).execute();
            try {
                c.query("CREATE SCHEMA publiek.mart").execute();
                // every mart as it is, but the trend, which is computed again over the suppressed values below
                List<String> marts = c.fetch("""
                        SELECT view_name FROM duckdb_views()
                        WHERE database_name = current_database() AND schema_name = 'mart' AND view_name <> 'indicator_trend'""")
                        .getValues(0, String.class);
                for (String mart : marts) {
                    c.query("CREATE TABLE publiek.mart.{0} AS SELECT * FROM mart.{0}", DSL.name(mart)).execute();
                }
                c.query("UPDATE publiek.mart.publication SET suppression_min_count = {0}, suppression_round_to = {1}",
                        inline(minCount), inline(Math.max(roundTo, 0))).execute();
                c.query("""
                        UPDATE publiek.mart.indicator_yearly SET suppressed = true, suppression = 'primary'
                        WHERE (unit = 'count' AND numerator < {0})
                           OR (unit <> 'count' AND (denominator IS NULL OR denominator < {0}))
                           OR (unit = 'percent' AND (numerator < {0} OR denominator - numerator < {0}))""", inline(minCount)).execute();
                declareGroups(c);
                int rounds = 0;
                int changed;
                do {
                    changed = secondaryRound(c);
                    rounds++;
                } while (changed > 0); // ends: every round suppresses at least one cell
                c.query("DROP TABLE suppression_group").execute();
                c.query("""
                        UPDATE publiek.mart.indicator_yearly
                        SET value = NULL, numerator = NULL, denominator = NULL, target_met = NULL
                        WHERE suppressed""").execute();
                if (roundTo > 1) {
                    // every count alike, totals and parts, regions and municipalities: a count's value and numerator,
                    // a percentage's numerator and denominator (its value stays as computed), a mean's denominator
                    c.query("""
                            UPDATE publiek.mart.indicator_yearly
                            SET value = CASE WHEN unit = 'count' THEN round(value / {0}) * {0} ELSE value END,
                                numerator = CASE WHEN unit IN ('count', 'percent') THEN round(numerator / {0}) * {0} ELSE numerator END,
                                denominator = round(denominator / {0}) * {0}
                            WHERE NOT suppressed""", inline(roundTo)).execute();
                }
                trendOverSuppressedValues(c, connection);
                // a computed value next to a published figure is a cell too: hidden where indicator_yearly hides it
                c.query("""
                        UPDATE publiek.mart.published_comparison p SET computed_value = NULL, computed_text = NULL, difference = NULL
                        FROM publiek.mart.indicator_yearly y
                        WHERE y.suppressed AND y.indicator_code = p.indicator_code
                          AND y.year IN (p.year, CASE WHEN p.figure_kind = 'change' THEN p.year - 1 END)
                          AND y.municipality_code IS NOT DISTINCT FROM p.municipality_code
                          AND y.region_code IS NOT DISTINCT FROM p.region_code""").execute();
                copyComments(c);
                if (parquetFolder != null) {
                    Files.createDirectories(parquetFolder);
                    for (String table : c.fetch("SELECT table_name FROM duckdb_tables() WHERE database_name = 'publiek'").getValues(0, String.class)) {
                        c.query("COPY publiek.mart.{0} TO {1} (FORMAT parquet)", DSL.name(table),
                                inline(parquetFolder.resolve(table + ".parquet").toString())).execute();
                    }
                }
                Long suppressed = c.fetchOne("SELECT count(*) FROM publiek.mart.indicator_yearly WHERE suppressed").get(0, Long.class);
                log.info("public database {}: {} cells suppressed (minimum {}), {} rounds of secondary suppression", target, suppressed, minCount, rounds);
            } finally {
                c.query("DETACH publiek").execute();
            }
        });
    }

    /**
     * The tables whose cells add up, one row per cell of each: a total indicator and its parts (declared
     * in core.indicator_family) in one area and year; a region and its municipalities (declared by
     * core.dim_municipality's region columns) for one indicator and year.
     */
    private static void declareGroups(DSLContext c) {
        c.query("""
                CREATE OR REPLACE TEMP TABLE suppression_group AS
                WITH cell AS (
                    SELECT indicator_code, coalesce(municipality_code, region_code) AS area, year FROM publiek.mart.indicator_yearly
                ),
                family_member AS (
                    SELECT total_indicator_code, part_indicator_code AS indicator_code FROM core.indicator_family
                    UNION SELECT total_indicator_code, total_indicator_code FROM core.indicator_family
                ),
                region_member AS (
                    SELECT municipality_code AS area, vt_region_code AS region_code FROM core.dim_municipality WHERE vt_region_code IS NOT NULL
                    UNION ALL SELECT municipality_code, mo_bw_region_code FROM core.dim_municipality WHERE mo_bw_region_code IS NOT NULL
                    UNION ALL SELECT municipality_code, vo_region_code FROM core.dim_municipality WHERE vo_region_code IS NOT NULL
                    UNION ALL SELECT region_code, region_code FROM core.dim_region
                )
                SELECT 'family ' || f.total_indicator_code || ' ' || c.area || ' ' || c.year AS group_id, c.*
                FROM cell c JOIN family_member f USING (indicator_code)
                UNION ALL
                SELECT 'region ' || r.region_code || ' ' || c.indicator_code || ' ' || c.year, c.*
                FROM cell c JOIN region_member r USING (area)""").execute();
    }

    /**
     * One round of secondary suppression: in every table (see {@link #declareGroups}) with exactly one
     * suppressed cell, that cell equals the sum or difference of the others; the smallest other cell
     * is suppressed too. Returns the number of cells it suppressed.
     */
    private static int secondaryRound(DSLContext c) {
        return c.query("""
                UPDATE publiek.mart.indicator_yearly AS t SET suppressed = true, suppression = 'secondary'
                FROM (
                    WITH cells AS (
                        SELECT g.group_id, g.indicator_code, g.area, g.year, y.suppressed, coalesce(y.denominator, y.numerator) AS size
                        FROM suppression_group g
                        JOIN publiek.mart.indicator_yearly y
                          ON y.indicator_code = g.indicator_code AND coalesce(y.municipality_code, y.region_code) = g.area AND y.year = g.year
                    ),
                    exposed AS (
                        SELECT group_id FROM cells GROUP BY group_id
                        HAVING count(*) FILTER (WHERE suppressed) = 1 AND count(*) > 1
                    )
                    SELECT indicator_code, area, year
                    FROM cells
                    WHERE NOT suppressed AND group_id IN (SELECT group_id FROM exposed)
                    QUALIFY row_number() OVER (PARTITION BY group_id ORDER BY size NULLS FIRST, indicator_code, area) = 1
                ) AS c
                WHERE t.indicator_code = c.indicator_code AND coalesce(t.municipality_code, t.region_code) = c.area
                  AND t.year = c.year AND NOT t.suppressed""").execute();
    }

    /**
     * The public trend: the warehouse's own view ({@code sql/views/R__81}), run in this connection's in-memory
     * catalog over the suppressed values, written as a table (so a suppressed value never appears as a previous value).
     */
    private static void trendOverSuppressedValues(DSLContext c, Connection connection) throws Exception {
        String trend;
        try (var in = PublicDatabase.class.getResourceAsStream(TREND_VIEW)) {
            trend = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        c.query("USE memory").execute();
        try {
            c.query("CREATE SCHEMA mart").execute();
            c.query("CREATE VIEW mart.indicator_yearly AS SELECT * FROM publiek.mart.indicator_yearly").execute();
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(trend);
            }
            c.query("CREATE TABLE publiek.mart.indicator_trend AS SELECT * FROM memory.mart.indicator_trend").execute();
            c.query("DROP SCHEMA mart CASCADE").execute();
        } finally {
            c.query("USE warehouse").execute();
        }
    }

    /** The trend mart's definition, on the classpath as Flyway reads it. */
    private static final String TREND_VIEW = "/db/views/R__81_mart_indicator_trend.sql";

    /** Carries the COMMENT ON descriptions of the marts over to the public tables. */
    private static void copyComments(DSLContext c) {
        var views = c.fetch("""
                SELECT view_name, comment FROM duckdb_views()
                WHERE database_name = current_database() AND schema_name = 'mart' AND comment IS NOT NULL""");
        for (var v : views) {
            c.query("COMMENT ON TABLE publiek.mart.{0} IS {1}", DSL.name(v.get(0, String.class)), inline(v.get(1, String.class))).execute();
        }
        var columns = c.fetch("""
                SELECT table_name, column_name, comment FROM duckdb_columns()
                WHERE database_name = current_database() AND schema_name = 'mart' AND comment IS NOT NULL""");
        for (var col : columns) {
            c.query("COMMENT ON COLUMN publiek.mart.{0}.{1} IS {2}", DSL.name(col.get(0, String.class)), DSL.name(col.get(1, String.class)),
                    inline(col.get(2, String.class))).execute();
        }
    }
}
