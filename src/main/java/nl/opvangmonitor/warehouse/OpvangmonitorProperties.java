package nl.opvangmonitor.warehouse;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration knobs (application.properties, environment or command line).
 *
 * @param input     folder holding one sub folder per source (--input)
 * @param warehouse the published DuckDB warehouse file (--warehouse); the job repository sits beside it
 * @param publish   the database for analysts and BI tools (--publish; default publiek.duckdb beside the warehouse): marts only, small cells suppressed
 * @param parquet   optional folder to which the public tables are also written as Parquet
 * @param suppression minimum count per cell (default 10) and optional rounding of counts (round-to, e.g. 5)
 * @param building  true in a load: this process writes a build file beside the published warehouse, never the warehouse itself
 * @param parallelFiles files of one set-based source loaded at the same time (default 2)
 * @param checks    an extra folder of check declarations (*.yml) besides the built-in sql/checks
 * @param staleAfterDays per source name: days without a new delivery after which status calls it stale (default 45)
 * @param pseudonym where the pseudonymisation key comes from
 * @param sources   per source (by name, e.g. veiligthuis): column mapping canonical column -> header in the export
 * @param storageVersion DuckDB storage version both files are written in (default v1.2.0: DuckDB 1.2 and newer open them)
 * @param fullChecks true: this run scans all of history (BSN guard, indicators) instead of only what it added or superseded
 * @param fullChecksAfterDays a run scans all of history anyway when the last full scan is older than this (default 7)
 */
@ConfigurationProperties("opvangmonitor")
public record OpvangmonitorProperties(
        @DefaultValue("input") Path input,
        @DefaultValue("warehouse/opvangmonitor.duckdb") Path warehouse,
        Path publish,
        Path parquet,
        @DefaultValue Suppression suppression,
        boolean building,
        @DefaultValue("2") int parallelFiles,
        Path checks,
        Map<String, Integer> staleAfterDays,
        @DefaultValue Pseudonym pseudonym,
        Map<String, Source> sources,
        @DefaultValue(nl.opvangmonitor.publish.StorageVersion.DEFAULT) String storageVersion,
        boolean fullChecks,
        @DefaultValue("7") int fullChecksAfterDays) {

    public OpvangmonitorProperties {
        if (!storageVersion.matches("v[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException("opvangmonitor.storage-version must look like v1.2.0, not " + storageVersion);
        }
    }

    public record Pseudonym(String keyFile) {
    }

    public record Source(Map<String, String> columns) {
    }

    public record Suppression(@DefaultValue("10") int minCount, @DefaultValue("0") int roundTo) {
    }

    /** The DuckDB file this process opens: the build during a load, otherwise the published warehouse. */
    public Path databaseFile() {
        return building ? nl.opvangmonitor.publish.WarehouseFiles.buildFileFor(warehouse) : warehouse.toAbsolutePath();
    }

    public Path publicFile() {
        return (publish != null ? publish : warehouse.toAbsolutePath().resolveSibling("publiek.duckdb")).toAbsolutePath();
    }

    /** Map keys in any case: a key arrives lower case (opvangverblijven) or as written, depending on who binds it. */
    public int staleAfterDays(String source) {
        if (staleAfterDays == null) {
            return 45;
        }
        return staleAfterDays.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(source)).map(Map.Entry::getValue).findFirst()
                .orElse(staleAfterDays.getOrDefault("default", 45));
    }

    /** Export header aliases configured for a source: canonical column -> header as the export writes it. */
    public Map<String, String> columnAliases(String source) {
        if (sources == null || sources.get(source) == null || sources.get(source).columns() == null) {
            return Map.of();
        }
        return sources.get(source).columns();
    }
}
