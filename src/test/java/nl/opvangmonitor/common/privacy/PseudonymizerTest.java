package nl.opvangmonitor.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizerTest {

    private static final byte[] KEY = "test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another-test-key-of-16+-bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void pseudonymise_whenBsnWithAndWithoutDots_thenSamePseudonym() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        String dotted = pseudonymizer.pseudonymise("123.456.782");
        String plain = pseudonymizer.pseudonymise("123456782");

        // then
        assertThat(dotted).isEqualTo(plain);
        assertThat(dotted).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void pseudonymise_whenSpacesDashesAndCase_thenNormalisedFirst() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        String messy = pseudonymizer.pseudonymise("  cl-12 34 ab ");
        String clean = pseudonymizer.pseudonymise("CL1234AB");

        // then
        assertThat(messy).isEqualTo(clean);
    }

    @Test
    void pseudonymise_whenAnotherKey_thenAnotherPseudonym() {
        // given
        Pseudonymizer one = new Pseudonymizer(KEY);
        Pseudonymizer other = new Pseudonymizer(OTHER_KEY);

        // when
        String first = one.pseudonymise("123456782");
        String second = other.pseudonymise("123456782");

        // then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void pseudonymise_whenAnotherIdentifier_thenAnotherPseudonym() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        String first = pseudonymizer.pseudonymise("123456782");
        String second = pseudonymizer.pseudonymise("123456783");

        // then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void pseudonymise_whenCalled_thenOutputDoesNotContainTheIdentifier() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        String pseudonym = pseudonymizer.pseudonymise("123456782");

        // then
        assertThat(pseudonym).doesNotContain("123456782").doesNotContain("123.456.782");
    }

    @Test
    void pseudonymise_whenKnownKeyAndInput_thenHmacSha256Hex() {
        // given: the pseudonym is HMAC-SHA256 of the normalised identifier, hex encoded
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        String pseudonym = pseudonymizer.pseudonymise("123456782");

        // then
        assertThat(pseudonym).isEqualTo(hmacSha256Hex(KEY, "123456782"));
    }

    @Test
    void constructor_whenKeyShorterThan16Bytes_thenRejected() {
        // given
        byte[] shortKey = "only-15-bytes!!".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> new Pseudonymizer(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pseudonymisation key must be at least 16 bytes");
    }

    @Test
    void constructor_whenNullKey_thenRejected() {
        // given / when / then
        assertThatThrownBy(() -> new Pseudonymizer(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pseudonymisation key must be at least 16 bytes");
    }

    @Test
    void constructor_whenExactly16Bytes_thenAccepted() {
        // given
        byte[] key = "exactly-16-bytes".getBytes(StandardCharsets.UTF_8);

        // when
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);

        // then
        assertThat(pseudonymizer.pseudonymise("1")).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 63, 64, 65, 200})
    void pseudonymise_whenKeyOfAnyLength_thenEqualsJavaHmacSha256(int keyLength) {
        // keys up to a block are padded, longer ones hashed first (RFC 2104): both as javax.crypto.Mac does
        byte[] key = new byte[keyLength];
        for (int i = 0; i < keyLength; i++) {
            key[i] = (byte) (31 * i + 7);
        }
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);

        for (String identifier : List.of("123456782", "C486255", "éï-ø 12", "X".repeat(300))) {
            assertThat(pseudonymizer.pseudonymise(identifier)).isEqualTo(hmacSha256Hex(key, identifier.replaceAll("[\\s.-]", "").toUpperCase()));
        }
    }

    @Test
    void pseudonymise_whenCalledFromManyThreads_thenEveryCallGivesItsOwnIdentifiersPseudonym() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> identifiers = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "K" + i).toList();

        List<String> parallel = identifiers.parallelStream().map(pseudonymizer::pseudonymise).toList();

        assertThat(parallel).isEqualTo(identifiers.stream().map(id -> hmacSha256Hex(KEY, id)).toList());
    }

    private static String hmacSha256Hex(byte[] key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
