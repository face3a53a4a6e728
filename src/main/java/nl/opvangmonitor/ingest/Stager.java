package nl.opvangmonitor.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import nl.opvangmonitor.ingest.read.SourceColumns;

/**
 * Brings a delivered file of a source whose exports are not plain tables into a temporary table
 * {@code stg_<file id>} (with a row_number column and the typed or text columns its rules read).
 * Sources without one are staged by {@link Staging}: one VARCHAR column per column of the export.
 */
@FunctionalInterface
public interface Stager {

    StagedTable stage(Connection connection, Path file, long fileId, SourceColumns columns) throws FileRejectedException, SQLException;

    /** The name of the temporary table a stager fills for a file (dropped by the pipeline after the load). */
    static String tableName(long fileId) {
        return "stg_" + fileId;
    }
}
