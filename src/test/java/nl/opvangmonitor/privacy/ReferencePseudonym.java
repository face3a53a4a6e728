package nl.opvangmonitor.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym computed the plain way, to pin the fast {@link Pseudonymizer} against: the
 * normalisation rule written out on {@code char}s (whitespace, dots and dashes removed, every other
 * {@code char} upper case), its UTF-8 bytes, {@code javax.crypto.Mac} HmacSHA256, the first 16 bytes
 * read as an unsigned number. Beside it, identifiers that reach every branch of the fast path.
 */
public final class ReferencePseudonym {

    private ReferencePseudonym() {
    }

    public static BigInteger of(byte[] key, String identifier) {
        StringBuilder normalised = new StringBuilder();
        for (char c : identifier.toCharArray()) {
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                normalised.append(Character.toUpperCase(c));
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hmac = mac.doFinal(normalised.toString().getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, Arrays.copyOf(hmac, 16));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Identifiers as exports hold them and worse: BSNs and client numbers with dots, dashes, spaces and
     * lower case; blanks; every ASCII whitespace {@link Character#isWhitespace} knows (also 0x1C-0x1F);
     * non-ASCII (accents, ß whose {@code String} upper case would be "SS", a no-break space that is not
     * whitespace, an em space that is, Greek, Chinese, a surrogate pair); identifiers around the 55 bytes
     * where the message no longer fits one SHA-256 block; and thousands of random ones from a pool of
     * all of these, so that some land in the second vector of a DuckDB scan.
     */
    public static List<String> identifiers() {
        List<String> identifiers = new ArrayList<>(List.of(
                "123456782", "123.456.782", "123-456-782", " 123 456 782 ", "K100", "k100", "K-100", "  cl-12 34 ab ",
                "", " ", "\t", "...", "-.-", "\u001c1\u001d2\u001e3\u001f", "a\u000bb\fc\rd\ne", "~!@#$%^&*()_+=[]{}|\\:'<>,/?`\u007f",
                "é", "Ésbjörn-12", "straße", "ÿ", "µ", "ı", "\u00a0K100\u00a0", "K\u2003100", "K\u2028100", "Ωμέγα-7", "客户12",
                "\ud83d\ude00K1", "9".repeat(55), "9".repeat(56), "x".repeat(63), "x".repeat(64), "x".repeat(65), "Z".repeat(119),
                "Z".repeat(120), "q".repeat(300), "é".repeat(28), "é".repeat(29), "a.b-c ".repeat(40)));
        Random random = new Random(17);
        String pool = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-\t\u001féÉßøÆ€\u00a0\u2003客";
        for (int i = 0; i < 5_000; i++) {
            char[] identifier = new char[random.nextInt(i % 10 == 0 ? 150 : 20)];
            for (int j = 0; j < identifier.length; j++) {
                // mostly ASCII, as real identifiers are, with now and then one of the rest
                identifier[j] = pool.charAt(random.nextInt(random.nextInt(8) == 0 ? pool.length() : 62));
            }
            identifiers.add(new String(identifier));
        }
        return identifiers;
    }
}
