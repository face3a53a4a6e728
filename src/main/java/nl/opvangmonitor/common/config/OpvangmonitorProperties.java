package nl.opvangmonitor.common.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration knobs (application.properties, environment or command line).
 *
 * @param input     folder holding one sub folder per source (--input)
 * @param warehouse the DuckDB warehouse file (--warehouse); the job repository sits beside it
 * @param chunkSize rows per write transaction
 * @param pseudonym where the pseudonymisation key comes from
 * @param sources   per source (by name, e.g. veiligthuis): column mapping canonical column -> header in the export
 */
@ConfigurationProperties("opvangmonitor")
public record OpvangmonitorProperties(
        @DefaultValue("input") Path input,
        @DefaultValue("warehouse/opvangmonitor.duckdb") Path warehouse,
        @DefaultValue("10000") int chunkSize,
        @DefaultValue Pseudonym pseudonym,
        Map<String, Source> sources) {

    public record Pseudonym(String keyFile) {
    }

    public record Source(Map<String, String> columns) {
    }

    /** Export header aliases configured for a source: canonical column -> header as the export writes it. */
    public Map<String, String> columnAliases(String source) {
        if (sources == null || sources.get(source) == null || sources.get(source).columns() == null) {
            return Map.of();
        }
        return sources.get(source).columns();
    }
}
