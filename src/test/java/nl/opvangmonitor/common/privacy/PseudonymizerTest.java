package nl.opvangmonitor.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
