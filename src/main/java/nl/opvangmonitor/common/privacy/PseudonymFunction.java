package nl.opvangmonitor.common.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * Makes the {@link Pseudonymizer} available inside DuckDB as the scalar function
 * {@code opvang_pseudonym(identifier)}, so that a CSV file read natively by DuckDB is pseudonymised
 * in the same scan that reads it: the identifier exists only in the scan's vectors and is never
 * stored, not even in a temporary table. The same Java code pseudonymises rows read by the
 * streaming readers, so both paths give the same pseudonym. A blank identifier is empty: NULL. A function is registered for the whole
 * database instance; {@link #ensureRegistered} is cheap when it is there already.
 */
public final class PseudonymFunction {

    public static final String NAME = "opvang_pseudonym";

    private PseudonymFunction() {
    }

    public static synchronized void ensureRegistered(Connection connection, Pseudonymizer pseudonymizer) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_functions() WHERE function_name = '" + NAME + "'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        DuckDBFunctions.scalarFunction()
                .withName(NAME)
                .withParameter(DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.VARCHAR)
                .withVectorizedFunction((input, output) -> {
                    DuckDBReadableVector identifiers = input.vector(0);
                    int rows = (int) input.rowCount();
                    byte[][] pseudonyms = new byte[rows][];
                    for (int i = 0; i < rows; i++) {
                        String identifier = identifiers.isNull(i) ? null : identifiers.getString(i);
                        pseudonyms[i] = identifier == null || identifier.isBlank() ? null
                                : pseudonymizer.pseudonymBytes(identifier);
                    }
                    output.setStringUtf8Batch(0, pseudonyms);
                })
                .register(connection);
    }
}
