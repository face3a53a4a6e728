package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.opvangmonitor.ingest.ScanScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pseudonym column is a number (UHUGEINT): the guard finds a BSN that reached it without its keyed hash. */
class BsnGuardPseudonymColumnIT {

    @TempDir
    Path temp;

    @Test
    void scan_whenABsnIsStoredAsANumberInAPseudonymColumn_thenFoundThereAndPseudonymsPass() throws Exception {
        // given: a night of a client whose BSN was stored as it is, beside nights with real pseudonyms
        Path warehouse = temp.resolve("opvangmonitor.duckdb");
        PseudonymConversionIT.flyway(warehouse).load().migrate();
        Pseudonymizer pseudonymizer = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            for (String client : new String[] {"123456782", "K1", "K2"}) {
                dsl.execute("INSERT INTO core.fct_nacht VALUES (1, 2, CAST({0} AS UHUGEINT), DATE '2021-03-01', 'De Hille')",
                        DSL.inline(client.equals("123456782") ? client : pseudonymizer.pseudonym(client).toString()));
            }
            // a number below 10^9 that fails the elfproef is no finding
            dsl.execute("INSERT INTO core.fct_nacht VALUES (1, 3, 123456789, DATE '2021-03-01', 'De Hille')");

            // when
            var findings = BsnGuard.scan(dsl, new ScanScope.Scope(0, true, "test"));

            // then
            assertThat(findings).containsExactly(new BsnGuard.Finding("core.fct_nacht", "client_key", 1));
        }
    }
}
