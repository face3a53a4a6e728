package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.jooq.Record;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code opvang_pseudonym} in SQL gives the pseudonym the plain HMAC gives, in every vector of a scan, read and written in
 * the vectors' memory ({@link VectorMemory}) with this driver.
 */
class PseudonymFunctionTest {

    private static final byte[] KEY = "test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);

    @AutoClose
    private final Warehouse db = Warehouse.inMemory();

    @Test
    void opvangPseudonym_whenAnyIdentifier_thenThePlainHmacAndNullWhenBlankOrNull() throws Exception {
        // given
        List<String> identifiers = identifiersTable();
        PseudonymFunction.ensureRegistered(db.connection(), new Pseudonymizer(KEY));

        // when
        Map<Integer, BigInteger> pseudonyms = pseudonymsBy(PseudonymFunction.NAME);

        // then
        assertThat(VectorMemory.available()).as("the driver's vector memory is at hand (else the function is slower)").isTrue();
        assertPlainHmacs(identifiers, pseudonyms);
    }

    @Test
    void pseudonymiseThroughAccessors_whenAnyIdentifier_thenThePlainHmacAndNullWhenBlankOrNull() throws Exception {
        // given: the path a driver without the vectors' memory takes, registered under a name of its own
        List<String> identifiers = identifiersTable();
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        DuckDBFunctions.scalarFunction().withName("accessor_pseudonym").withParameter(DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.UHUGEINT)
                .withVectorizedFunction((input, output) -> PseudonymFunction.pseudonymiseThroughAccessors(input.vector(0), output, pseudonymizer))
                .register(db.connection());

        // when
        Map<Integer, BigInteger> pseudonyms = pseudonymsBy("accessor_pseudonym");

        // then
        assertPlainHmacs(identifiers, pseudonyms);
    }

    /**
     * Table {@code ids}: the identifiers a VARCHAR holds unchanged (a lone surrogate would not survive UTF-8), every
     * seventh row NULL, so that NULLs and values share the words of a vector's validity in every vector of a scan.
     */
    private List<String> identifiersTable() throws Exception {
        List<String> identifiers = new ArrayList<>(ReferencePseudonym.identifiers());
        for (int n = 0; n < identifiers.size(); n += 7) {
            identifiers.add(n, null);
        }
        db.dsl.execute("CREATE TABLE ids (n INTEGER, id VARCHAR)");
        try (DuckDBAppender appender = db.connection().unwrap(DuckDBConnection.class).createAppender("main", "ids")) {
            for (int n = 0; n < identifiers.size(); n++) {
                String identifier = identifiers.get(n);
                appender.beginRow().append(n);
                (identifier == null ? appender.appendNull() : appender.append(identifier)).endRow();
            }
        }
        assertThat(identifiers).as("rows for three vectors of a scan").hasSizeGreaterThan(2 * 2048);
        return identifiers;
    }

    private Map<Integer, BigInteger> pseudonymsBy(String function) {
        Map<Integer, BigInteger> pseudonyms = new HashMap<>();
        for (Record row : db.dsl.fetch("SELECT n, " + function + "(id) FROM ids")) {
            pseudonyms.put(row.get(0, Integer.class), row.get(1, BigInteger.class));
        }
        return pseudonyms;
    }

    private static void assertPlainHmacs(List<String> identifiers, Map<Integer, BigInteger> pseudonyms) {
        assertThat(pseudonyms).hasSize(identifiers.size());
        for (int n = 0; n < identifiers.size(); n++) {
            String identifier = identifiers.get(n);
            assertThat(pseudonyms.get(n)).as("identifier %d", n)
                    .isEqualTo(identifier == null || identifier.isBlank() ? null : ReferencePseudonym.of(KEY, identifier));
        }
        long nulls = identifiers.stream().filter(identifier -> identifier == null || identifier.isBlank()).count();
        assertThat(pseudonyms.values()).filteredOn(p -> p == null).hasSize((int) nulls).hasSizeGreaterThan(700);
    }
}
