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
import org.duckdb.DuckDBConnection;
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
        // given: the identifiers a VARCHAR holds unchanged (a lone surrogate would not survive UTF-8); every seventh
        // row NULL, so that NULLs and values share the words of a vector's validity in every vector of the scan
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
        PseudonymFunction.ensureRegistered(db.connection(), new Pseudonymizer(KEY));

        // when
        Map<Integer, BigInteger> pseudonyms = new HashMap<>();
        for (Record row : db.dsl.fetch("SELECT n, opvang_pseudonym(id) FROM ids")) {
            pseudonyms.put(row.get(0, Integer.class), row.get(1, BigInteger.class));
        }

        // then
        assertThat(VectorMemory.available()).as("the driver's vector memory is at hand (else the function is slower)").isTrue();
        assertThat(pseudonyms).hasSize(identifiers.size());
        for (int n = 0; n < identifiers.size(); n++) {
            String identifier = identifiers.get(n);
            assertThat(pseudonyms.get(n)).as("identifier %d", n)
                    .isEqualTo(identifier == null || identifier.isBlank() ? null : ReferencePseudonym.of(KEY, identifier));
        }
        long nulls = identifiers.stream().filter(identifier -> identifier == null || identifier.isBlank()).count();
        assertThat(pseudonyms.values()).filteredOn(p -> p == null).hasSize((int) nulls).hasSizeGreaterThan(700);
        assertThat(identifiers).as("rows for three vectors of a scan").hasSizeGreaterThan(2 * 2048);
    }
}
