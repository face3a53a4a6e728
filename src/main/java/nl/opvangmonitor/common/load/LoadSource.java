package nl.opvangmonitor.common.load;

/**
 * A source of the nightly load: a folder of deliveries under the input folder. Either set-based
 * ({@link StagedSource}: staged in DuckDB, rules in SQL) or row-by-row ({@link SourceDefinition}:
 * rows validated in Java, written with the Appender) for exports of irregular shape.
 */
public sealed interface LoadSource permits StagedSource, SourceDefinition {

    /** Short name used in step names and configuration (e.g. veiligthuis). */
    String name();

    /** Sub folder of the input folder (e.g. veiligthuis, opvang/verblijven). */
    String folder();
}
