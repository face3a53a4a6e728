package nl.opvangmonitor.common.publish;

import static org.jooq.impl.DSL.inline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database for analysts and BI tools: only the marts (aggregates, the indicator catalog, the
 * municipality and region lists, budget figures), never person-level rows. Small cells are
 * suppressed in {@code mart.indicator_yearly}:
 * <ul>
 *   <li>primary: a count below the minimum, or a percentage or mean whose denominator is below it;</li>
 *   <li>secondary: where a region row is shown and exactly one of its municipalities is suppressed,
 *       that cell could be recovered from the region total and the other municipalities, so the
 *       smallest other municipality of that region is suppressed too (or the region row, when there is
 *       no other); repeated until no cell can be recovered;</li>
 *   <li>optionally counts are rounded to a multiple of {@code roundTo}.</li>
 * </ul>
 * Suppressed rows keep their keys with value, numerator and denominator NULL and {@code suppressed} true.
 * Budget amounts are not suppressed.
 */
public final class PublicDatabase {

    private static final Logger log = LoggerFactory.getLogger(PublicDatabase.class);
    private static final int MAX_ROUNDS = 50;

    private PublicDatabase() {
    }

    /** Writes the public database to {@code target} from the (checked) warehouse {@code dsl} is connected to. */
    public static void build(DSLContext dsl, Path target, int minCount, int roundTo, Path parquetFolder) {
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
                c.query("""
                        CREATE TABLE publiek.mart.indicator_yearly AS
                        SELECT y.*, false AS suppressed, CAST(NULL AS VARCHAR) AS suppression
                        FROM mart.indicator_yearly y""").execute();
                c.query("""
                        UPDATE publiek.mart.indicator_yearly SET suppressed = true, suppression = 'primary'
                        WHERE (unit = 'count' AND numerator < {0})
                           OR (unit <> 'count' AND (denominator IS NULL OR denominator < {0}))""", inline(minCount)).execute();
                int rounds = 0;
                int changed;
                do {
                    changed = secondaryRound(c);
                    rounds++;
                } while (changed > 0 && rounds < MAX_ROUNDS);
                c.query("""
                        UPDATE publiek.mart.indicator_yearly
                        SET value = NULL, numerator = NULL, denominator = NULL, target_met = NULL
                        WHERE suppressed""").execute();
                if (roundTo > 1) {
                    c.query("""
                            UPDATE publiek.mart.indicator_yearly
                            SET value = round(value / {0}) * {0}, numerator = round(numerator / {0}) * {0}
                            WHERE unit = 'count' AND NOT suppressed""", inline(roundTo)).execute();
                }
                c.query("""
                        CREATE TABLE publiek.mart.indicator_catalog AS
                        SELECT indicator_code, indicator_name, domain, definition, counting_rule, unit, direction, source_document
                        FROM core.dim_indicator""").execute();
                c.query("""
                        CREATE TABLE publiek.mart.municipality AS
                        SELECT municipality_code, municipality_name, vt_region_code, mo_bw_region_code, vo_region_code
                        FROM core.dim_municipality""").execute();
                c.query("CREATE TABLE publiek.mart.region AS SELECT * FROM core.dim_region").execute();
                c.query("""
                        CREATE TABLE publiek.mart.indicator_trend AS
                        SELECT indicator_code, indicator_name, municipality_code, municipality_name, region_code, year, value, unit,
                               suppressed, previous_value,
                               CAST(value - previous_value AS DECIMAL(18, 2)) AS change_absolute,
                               CASE WHEN previous_value IS NULL OR previous_value = 0 THEN NULL
                                    ELSE CAST(round(100 * (value - previous_value) / previous_value, 2) AS DECIMAL(18, 2)) END AS change_percent,
                               target_operator, target_value, target_met
                        FROM (SELECT *, CASE WHEN lag(year) OVER w = year - 1 THEN lag(value) OVER w END AS previous_value
                              FROM publiek.mart.indicator_yearly
                              WINDOW w AS (PARTITION BY indicator_code, municipality_code, region_code ORDER BY year))""").execute();
                List<String> otherMarts = c.fetch("""
                        SELECT view_name FROM duckdb_views()
                        WHERE database_name = current_database() AND schema_name = 'mart'
                          AND view_name NOT IN ('indicator_yearly', 'indicator_trend')""").getValues(0, String.class);
                for (String mart : otherMarts) {
                    c.query("CREATE TABLE publiek.mart.{0} AS SELECT * FROM mart.{0}", DSL.name(mart)).execute();
                }
                // a computed value next to a published figure is a cell too: hidden where indicator_yearly hides it
                c.query("""
                        UPDATE publiek.mart.published_comparison p SET computed_value = NULL, computed_text = NULL, difference = NULL
                        FROM publiek.mart.indicator_yearly y
                        WHERE y.suppressed AND y.indicator_code = p.indicator_code
                          AND y.year IN (p.year, CASE WHEN p.figure_kind = 'change' THEN p.year - 1 END)
                          AND y.municipality_code IS NOT DISTINCT FROM p.municipality_code
                          AND y.region_code IS NOT DISTINCT FROM p.region_code""").execute();
                copyComments(c);
                c.query("COMMENT ON COLUMN publiek.mart.indicator_yearly.suppressed IS {0}",
                        inline("True when the cell is suppressed to protect persons: value, numerator and denominator are then NULL.")).execute();
                c.query("COMMENT ON COLUMN publiek.mart.indicator_trend.suppressed IS {0}",
                        inline("True when this year's cell is suppressed (see indicator_yearly.suppression).")).execute();
                c.query("COMMENT ON COLUMN publiek.mart.indicator_yearly.suppression IS {0}",
                        inline("primary (fewer than " + minCount + " persons or cases) or secondary (else recoverable from a region total).")).execute();
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

    /** One round of secondary suppression; returns the number of cells it suppressed. */
    private static int secondaryRound(DSLContext c) {
        int changed = 0;
        for (String regionColumn : List.of("vt_region_code", "mo_bw_region_code", "vo_region_code")) {
            changed += c.query("""
                    UPDATE publiek.mart.indicator_yearly AS t SET suppressed = true, suppression = 'secondary'
                    FROM (
                        WITH members AS (
                            SELECT y.indicator_code, y.year, m.{0} AS region, y.municipality_code AS area, y.numerator, y.suppressed
                            FROM publiek.mart.indicator_yearly y
                            JOIN core.dim_municipality m ON m.municipality_code = y.municipality_code
                            WHERE m.{0} IS NOT NULL
                        ),
                        exposed AS (
                            SELECT mb.indicator_code, mb.year, mb.region
                            FROM members mb
                            JOIN publiek.mart.indicator_yearly r
                              ON r.region_code = mb.region AND r.indicator_code = mb.indicator_code AND r.year = mb.year AND NOT r.suppressed
                            GROUP BY ALL
                            HAVING count(*) FILTER (WHERE mb.suppressed) = 1
                        ),
                        smallest AS (
                            SELECT indicator_code, year, region, area,
                                   row_number() OVER (PARTITION BY indicator_code, year, region ORDER BY numerator, area) AS rn
                            FROM members WHERE NOT suppressed
                        )
                        SELECT e.indicator_code, e.year, coalesce(s.area, e.region) AS area
                        FROM exposed e
                        LEFT JOIN smallest s ON s.indicator_code = e.indicator_code AND s.year = e.year AND s.region = e.region AND s.rn = 1
                    ) AS c
                    WHERE t.indicator_code = c.indicator_code AND t.year = c.year
                      AND coalesce(t.municipality_code, t.region_code) = c.area AND NOT t.suppressed""", DSL.name(regionColumn)).execute();
        }
        return changed;
    }

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
        c.query("COMMENT ON TABLE publiek.mart.indicator_catalog IS {0}",
                inline("Indicator catalog: code, Dutch name, definition, counting rule, unit and direction.")).execute();
        c.query("COMMENT ON TABLE publiek.mart.municipality IS {0}", inline("Municipalities with CBS code and their regions.")).execute();
        c.query("COMMENT ON TABLE publiek.mart.region IS {0}", inline("Veilig Thuis regions and centrumgemeente regions.")).execute();
        String[][] described = {
                {"indicator_catalog", "indicator_code", "Indicator code as used in indicator_yearly."},
                {"indicator_catalog", "indicator_name", "Dutch name of the indicator as councils use it."},
                {"indicator_catalog", "domain", "veiligthuis, opvang, beschermd_wonen or vrouwenopvang."},
                {"indicator_catalog", "definition", "What the indicator measures."},
                {"indicator_catalog", "counting_rule", "How it is counted: what counts in a year, how persons with several records count."},
                {"indicator_catalog", "unit", "percent, count or months."},
                {"indicator_catalog", "direction", "higher_is_better or lower_is_better: how a bare target is read."},
                {"indicator_catalog", "source_document", "Council document the definition and targets come from."},
                {"municipality", "municipality_code", "CBS municipality code, GM + four digits."},
                {"municipality", "municipality_name", "Municipality name."},
                {"municipality", "vt_region_code", "Veilig Thuis region."},
                {"municipality", "mo_bw_region_code", "Centrumgemeente region for maatschappelijke opvang and beschermd wonen."},
                {"municipality", "vo_region_code", "Centrumgemeente region for vrouwenopvang."},
                {"region", "region_code", "Region code (VT-…, MOBW-GM…, VO-GM…)."},
                {"region", "region_type", "veilig_thuis, mo_bw or vrouwenopvang."},
                {"region", "region_name", "Region name."},
                {"region", "centrumgemeente_code", "CBS code of the centrumgemeente of the region."}};
        for (String[] col : described) {
            c.query("COMMENT ON COLUMN publiek.mart.{0}.{1} IS {2}", DSL.name(col[0]), DSL.name(col[1]), inline(col[2])).execute();
        }
    }
}
