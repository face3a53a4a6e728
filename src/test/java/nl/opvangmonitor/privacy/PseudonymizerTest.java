package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizerTest {

    private static final byte[] KEY = "test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another-test-key-of-16+-bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void pseudonym_whenBsnWithAndWithoutDots_thenSamePseudonym() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        BigInteger dotted = pseudonymizer.pseudonym("123.456.782");
        BigInteger plain = pseudonymizer.pseudonym("123456782");

        // then
        assertThat(dotted).isEqualTo(plain);
        assertThat(dotted.bitLength()).isBetween(1, 128);
    }

    @Test
    void pseudonym_whenSpacesDashesAndCase_thenNormalisedFirst() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        BigInteger messy = pseudonymizer.pseudonym("  cl-12 34 ab ");
        BigInteger clean = pseudonymizer.pseudonym("CL1234AB");

        // then
        assertThat(messy).isEqualTo(clean);
    }

    @Test
    void pseudonym_whenAnotherKey_thenAnotherPseudonym() {
        // given
        Pseudonymizer one = new Pseudonymizer(KEY);
        Pseudonymizer other = new Pseudonymizer(OTHER_KEY);

        // when
        BigInteger first = one.pseudonym("123456782");
        BigInteger second = other.pseudonym("123456782");

        // then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void pseudonym_whenAnotherIdentifier_thenAnotherPseudonym() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        BigInteger first = pseudonymizer.pseudonym("123456782");
        BigInteger second = pseudonymizer.pseudonym("123456783");

        // then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void pseudonym_whenCalled_thenOutputDoesNotContainTheIdentifier() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        BigInteger pseudonym = pseudonymizer.pseudonym("123456782");

        // then
        assertThat(pseudonym.toString()).doesNotContain("123456782");
        assertThat(pseudonym.toString(16)).doesNotContain("123456782");
    }

    @Test
    void pseudonym_whenKnownKeyAndInput_thenTheFirst128BitsOfHmacSha256() {
        // given: the pseudonym is the first 128 bits of HMAC-SHA256 of the normalised identifier, unsigned
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

        // when
        BigInteger pseudonym = pseudonymizer.pseudonym("123456782");

        // then
        assertThat(pseudonym).isEqualTo(first128Bits(hmacSha256Hex(KEY, "123456782")));
        assertThat(pseudonym).isEqualTo(new BigInteger("275217554920260244622745353230108089693"));
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
        assertThat(pseudonymizer.pseudonym("1")).isEqualTo(first128Bits(hmacSha256Hex(key, "1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 63, 64, 65, 200})
    void pseudonym_whenKeyOfAnyLength_thenEqualsJavaHmacSha256(int keyLength) {
        // keys up to a block are padded, longer ones hashed first (RFC 2104): both as javax.crypto.Mac does
        byte[] key = new byte[keyLength];
        for (int i = 0; i < keyLength; i++) {
            key[i] = (byte) (31 * i + 7);
        }
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);

        for (String identifier : List.of("123456782", "C486255", "éï-ø 12", "X".repeat(300))) {
            assertThat(pseudonymizer.pseudonym(identifier)).isEqualTo(first128Bits(hmacSha256Hex(key, identifier.replaceAll("[\\s.-]", "").toUpperCase())));
        }
    }

    @Test
    void pseudonym_whenAnyIdentifier_thenThePlainHmacOfTheNormalisedIdentifier() {
        // given: the fast path (ASCII normalised straight into bytes) and the general rule for other text
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> identifiers = ReferencePseudonym.identifiers();

        // when
        List<BigInteger> pseudonyms = identifiers.stream().map(pseudonymizer::pseudonym).toList();

        // then
        assertThat(pseudonyms).isEqualTo(identifiers.stream().map(id -> ReferencePseudonym.of(KEY, id)).toList());
        assertThat(pseudonymizer.pseudonym("straße")).isNotEqualTo(pseudonymizer.pseudonym("STRASSE"));
        assertThat(pseudonymizer.pseudonym("\u00a0K100")).isNotEqualTo(pseudonymizer.pseudonym("K100"));
        assertThat(pseudonymizer.pseudonym("\u001cK\u2003100")).isEqualTo(pseudonymizer.pseudonym("K100"));
    }

    @Test
    void halves_whenAnyIdentifier_thenTheFirstAndSecond64BitsOfThePseudonym() {
        // given
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> identifiers = ReferencePseudonym.identifiers();

        // when
        List<Pseudonymizer.Halves> halves = identifiers.stream().map(pseudonymizer::halves).toList();

        // then: the bits as the Appender takes them (high half first in the number, either sign as a long)
        assertThat(halves).isEqualTo(identifiers.stream().map(id -> {
            BigInteger pseudonym = ReferencePseudonym.of(KEY, id);
            return new Pseudonymizer.Halves(pseudonym.shiftRight(Long.SIZE).longValue(), pseudonym.longValue());
        }).toList());
        assertThat(halves).extracting(Pseudonymizer.Halves::high).anyMatch(high -> high < 0).anyMatch(high -> high > 0);
        assertThat(halves).extracting(Pseudonymizer.Halves::low).anyMatch(low -> low < 0).anyMatch(low -> low > 0);
    }

    @Test
    void pseudonym_whenCalledFromManyThreads_thenEveryCallGivesItsOwnIdentifiersPseudonym() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> identifiers = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "K" + i).toList();

        List<BigInteger> parallel = identifiers.parallelStream().map(pseudonymizer::pseudonym).toList();

        assertThat(parallel).isEqualTo(identifiers.stream().map(id -> first128Bits(hmacSha256Hex(KEY, id))).toList());
    }

    /** The pseudonym as written before V090: HMAC-SHA256 in 64 lower-case hex characters. */
    static String hmacSha256Hex(byte[] key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** What V090 keeps of a pseudonym written in hex: its first 32 hex characters, as an unsigned number. */
    static BigInteger first128Bits(String hex) {
        return new BigInteger(hex.substring(0, 32), 16);
    }
}
