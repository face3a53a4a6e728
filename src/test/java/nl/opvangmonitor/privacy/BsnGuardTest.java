package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.opvangmonitor.Warehouse;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BsnGuardTest {

    /** Synthetic numbers that pass the elfproef (not real persons' BSNs). */
    static List<String> syntheticBsns(int count, long seed) {
        Random random = new Random(seed);
        List<String> bsns = new ArrayList<>();
        while (bsns.size() < count) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int d = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                digits.append(d);
                sum += d * (9 - i);
            }
            int check = sum % 11;
            if (check < 10) {
                bsns.add(digits.append(check).toString());
            }
        }
        return bsns;
    }

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "123.456.782", "1234.56.782", "123-456-782", "123 456 782"})
    void isBsn_whenElfproefPasses_thenTrue(String text) {
        assertThat(BsnGuard.isBsn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678", "1234567820", "000000000", "abc"})
    void isBsn_whenNotNineDigitsPassingElfproef_thenFalse(String text) {
        assertThat(BsnGuard.isBsn(text)).isFalse();
    }

    @Test
    void syntheticBsns_whenGenerated_thenAllPassTheElfproef() {
        assertThat(syntheticBsns(100, 1)).hasSize(100).allSatisfy(b -> assertThat(BsnGuard.isBsn(b)).isTrue());
    }

    @Test
    void mayHoldCandidate_whenFilteringBeforeThePattern_thenNoCandidateIsLostAndPseudonymsAreSkipped() throws Exception {
        String pseudonym = "0123456789abcdef".repeat(4); // a code of 64 letters and digits, as pseudonyms were written before V090
        List<String> values = List.of("123456782", "12345678201234", "123456782012345", "BSN 123456782", "123.456.782", "(123-456-782)",
                "client 123 456 782 gezien", "x123456782", "123456782x", "ab123456782cd", "Voorziening 12", "GM0599", pseudonym,
                "a" + "123456782".repeat(6) + "b", "nota: 1234.56.782");
        try (Warehouse db = Warehouse.inMemory()) {
            DSLContext dsl = db.dsl;
            Field<String> v = DSL.field(DSL.name("v"), String.class);
            var table = DSL.values(values.stream().map(DSL::row).toArray(org.jooq.Row1[]::new)).as("t", "v");
            Field<String> candidates = DSL.field("unnest(regexp_extract_all({0}, {1}, 1))", String.class, v, DSL.inline(BsnGuard.CANDIDATE));

            List<String> all = dsl.select(candidates).from(table).fetch(0, String.class);
            List<String> filtered = dsl.select(candidates).from(table).where(BsnGuard.mayHoldCandidate(v)).fetch(0, String.class);
            List<String> skipped = dsl.select(v).from(table).where(DSL.not(BsnGuard.mayHoldCandidate(v))).fetch(v);

            assertThat(filtered).containsExactlyInAnyOrderElementsOf(all)
                    .containsExactlyInAnyOrder("123456782", "12345678201234", "123456782", "123.456.782", "123-456-782", "123 456 782",
                            "1234.56.782");
            // letters and digits only, and not 9 to 14 characters long: the pattern cannot match, so it is not run
            assertThat(skipped).containsExactlyInAnyOrder("123456782012345", "GM0599", pseudonym, "a" + "123456782".repeat(6) + "b");
        }
    }

    @Test
    void scanJobRepository_whenAnExitMessageOrASerialisedContextHoldsABsn_thenNamesTheColumnsNotTheValues() throws Exception {
        // given: a job repository with one BSN in an exit message and one inside a Base64-serialised execution context
        var jobRepository = new org.h2.jdbcx.JdbcDataSource();
        jobRepository.setURL("jdbc:h2:mem:bsnguard;DB_CLOSE_DELAY=-1");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(java.util.Map.of("file", "client 123456782"));
        }
        try (var c = jobRepository.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE BATCH_STEP_EXECUTION (STEP_NAME VARCHAR(100), EXIT_MESSAGE VARCHAR(2500))");
            s.execute("CREATE TABLE BATCH_STEP_EXECUTION_CONTEXT (SHORT_CONTEXT VARCHAR(2500))");
            s.execute("INSERT INTO BATCH_STEP_EXECUTION VALUES ('veiligthuis', 'failed near 111.222.333'), ('opvang', 'file 3 failed')");
            s.execute("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT VALUES ('" + java.util.Base64.getEncoder().encodeToString(bytes.toByteArray()) + "')");
        }

        // when
        List<BsnGuard.Finding> findings = BsnGuard.scanJobRepository(jobRepository);

        // then
        assertThat(findings).containsExactlyInAnyOrder(
                new BsnGuard.Finding("job repository batch_step_execution", "exit_message", 1),
                new BsnGuard.Finding("job repository batch_step_execution_context", "short_context", 1));
    }
}
