package nl.opvangmonitor.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Makes the {@link Pseudonymizer} available inside DuckDB as the scalar function
 * {@code opvang_pseudonym(identifier)}, so that a CSV file read natively by DuckDB is pseudonymised
 * in the same scan that reads it: the identifier exists only in the scan's vectors and is never
 * stored, not even in a temporary table. It returns the fixed-width pseudonym ({@code UHUGEINT}).
 * The same Java code pseudonymises rows read by the streaming readers, so both paths give the same
 * pseudonym. A blank identifier is empty: NULL.
 * Beside it {@code opvang_scrub(text)} is {@link SafeMessage#scrub}: what a reject row shows of a
 * value that another column swallowed (a lost delimiter shifts a client number into gemeente) is
 * masked the same way as every message. A function is registered for the whole database instance;
 * {@link #ensureRegistered} is cheap when it is there already.
 */
public final class PseudonymFunction {

    public static final String NAME = "opvang_pseudonym";
    public static final String SCRUB = "opvang_scrub";

    private PseudonymFunction() {
    }

    public static synchronized void ensureRegistered(Connection connection, Pseudonymizer pseudonymizer) throws SQLException {
        register(connection, NAME, DuckDBColumnType.UHUGEINT, (input, output) -> {
            if (!VectorMemory.pseudonymise(input, output, pseudonymizer)) {
                pseudonymiseThroughAccessors(input, output, pseudonymizer);
            }
        });
        register(connection, SCRUB, text -> SafeMessage.scrub(text).getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonyms of a vector through the driver's accessors: where its vectors' memory is not at hand ({@link VectorMemory}). */
    static void pseudonymiseThroughAccessors(DuckDBReadableVector input, DuckDBWritableVector output, Pseudonymizer pseudonymizer) {
        for (int i = 0; i < input.rowCount(); i++) {
            String identifier = input.isNull(i) ? null : input.getString(i);
            if (identifier == null || identifier.isBlank()) {
                output.setNull(i);
            } else {
                output.setUHugeInt(i, pseudonymizer.pseudonym(identifier));
            }
        }
    }

    /**
     * Registers a scalar function VARCHAR -> VARCHAR (UTF-8 bytes, null for NULL) once per database
     * instance; sources use it for their own parsers (finance: council amounts).
     */
    public static void register(Connection connection, String name, Function<String, byte[]> function) throws SQLException {
        register(connection, name, DuckDBColumnType.VARCHAR, (input, output) -> {
            byte[][] results = new byte[(int) input.rowCount()][];
            for (int i = 0; i < results.length; i++) {
                results[i] = input.isNull(i) ? null : function.apply(input.getString(i));
            }
            output.setStringUtf8Batch(0, results);
        });
    }

    /**
     * Whether the database already has the function: calling it on NULL binds it, a fraction of a millisecond, where
     * listing {@code duckdb_functions()} takes about 13 (and every file asks). When it fails for any reason, the list decides.
     */
    private static boolean callable(Connection connection, String name) {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT " + name + "(NULL)");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Writes the results of one vector of texts into the output vector. */
    private interface VectorFunction {
        void apply(DuckDBReadableVector input, DuckDBWritableVector output);
    }

    private static synchronized void register(Connection connection, String name, DuckDBColumnType returnType, VectorFunction function)
            throws SQLException {
        if (callable(connection, name)) {
            return;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_functions() WHERE function_name = '" + name + "'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        DuckDBFunctions.scalarFunction()
                .withName(name)
                .withParameter(DuckDBColumnType.VARCHAR)
                .withReturnType(returnType)
                .withVectorizedFunction((input, output) -> function.apply(input.vector(0), output))
                .register(connection);
    }
}
