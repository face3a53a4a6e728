package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.Warehouse;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.Record;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code opvang_pseudonym} in SQL gives the pseudonym the plain HMAC gives, in every vector of a scan. */
class PseudonymFunctionTest {

    private static final byte[] KEY = "test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);

    @AutoClose
    private final Warehouse db = Warehouse.inMemory();

    @Test
    void opvangPseudonym_whenAnyIdentifier_thenThePlainHmacAndNullWhenBlank() throws Exception {
        // given: the identifiers a VARCHAR holds unchanged (a lone surrogate would not survive UTF-8)
        List<String> identifiers = ReferencePseudonym.identifiers();
        db.dsl.execute("CREATE TABLE ids (n INTEGER, id VARCHAR)");
        try (DuckDBAppender appender = db.connection().unwrap(DuckDBConnection.class).createAppender("main", "ids")) {
            for (int n = 0; n < identifiers.size(); n++) {
                appender.beginRow().append(n).append(identifiers.get(n)).endRow();
            }
        }
        PseudonymFunction.ensureRegistered(db.connection(), new Pseudonymizer(KEY));

        // when
        Map<Integer, BigInteger> pseudonyms = new HashMap<>();
        for (Record row : db.dsl.fetch("SELECT n, opvang_pseudonym(id) FROM ids")) {
            pseudonyms.put(row.get(0, Integer.class), row.get(1, BigInteger.class));
        }

        // then
        assertThat(pseudonyms).hasSize(identifiers.size());
        for (int n = 0; n < identifiers.size(); n++) {
            String identifier = identifiers.get(n);
            assertThat(pseudonyms.get(n)).as("identifier %d", n)
                    .isEqualTo(identifier.isBlank() ? null : ReferencePseudonym.of(KEY, identifier));
        }
        assertThat(pseudonyms.values()).filteredOn(p -> p == null).hasSize((int) identifiers.stream().filter(String::isBlank).count()).hasSizeGreaterThan(2);
    }
}
