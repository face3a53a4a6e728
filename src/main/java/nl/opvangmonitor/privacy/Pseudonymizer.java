package nl.opvangmonitor.privacy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Replaces a client identifier (BSN or provider client number) by a keyed hash, HMAC-SHA256,
 * at the reader boundary. Without the key the pseudonym cannot be recomputed from a guessed
 * identifier (a plain hash of a BSN can: there are only 10^9 of them).
 * Identifiers are normalised first (trimmed, upper case, spaces, dots and dashes removed) so
 * "123.456.782" and "123456782" yield the same pseudonym.
 * <p>
 * The pseudonym is the first 128 bits of the HMAC read as an unsigned number, stored as DuckDB's
 * {@code UHUGEINT}: a fixed-width value kept inline, where the 64 hex characters it was before were a
 * string of 64 bytes. Those bits are the first 32 hex characters of the old form, so a warehouse
 * converts without the identifiers (V090). 128 bits keep the chance that any two clients share a
 * pseudonym below 10^-20 at a hundred million identifiers (64 bits would not: about 3 x 10^-4).
 * <p>
 * HMAC (RFC 2104) is computed from two SHA-256 states that have already absorbed the padded key,
 * so each identifier costs two compressions instead of four; the result equals {@code Mac}'s
 * HmacSHA256. Safe for concurrent use: every call works on its own copies of the two states and its
 * own small buffers (allocating them per call measured as cheap as reusing them per thread).
 */
public final class Pseudonymizer {

    private static final int BLOCK = 64;
    /** The SQL type of a pseudonym column: 128 bits, unsigned, fixed-width. */
    public static final String SQL_TYPE = "UHUGEINT";
    /** The bytes of the HMAC kept: 128 bits. */
    static final int KEPT_BYTES = 16;
    /** Reads eight bytes of an array as one long, most significant first (as {@link BigInteger} reads them). */
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest innerStart;
    private final MessageDigest outerStart;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes");
        }
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        innerStart = sha256();
        innerStart.update(innerPad);
        outerStart = sha256();
        outerStart.update(outerPad);
    }

    /** The pseudonym: the first 128 bits of HMAC-SHA256 of the normalised identifier, unsigned. */
    public BigInteger pseudonym(String identifier) {
        return new BigInteger(1, hmac(identifier), 0, KEPT_BYTES);
    }

    /**
     * The same pseudonym as its two 64-bit halves, for writers that take them as longs (the Appender's
     * {@code appendHugeInt(low, high)}): no {@link BigInteger} per identifier.
     */
    public Halves halves(String identifier) {
        return halvesOf(hmac(identifier));
    }

    private static Halves halvesOf(byte[] hmac) {
        return new Halves((long) BIG_ENDIAN_LONG.get(hmac, 0), (long) BIG_ENDIAN_LONG.get(hmac, Long.BYTES));
    }

    /**
     * The same pseudonym for an identifier given as its UTF-8 bytes (the first {@code length} of {@code utf8}), as
     * DuckDB holds a short text inline in its vectors; null when the identifier is blank. ASCII is normalised byte by
     * byte into {@code utf8} itself (which the call may therefore change); any other text goes through the
     * {@code String} rule, so both give what {@link #halves(String)} gives.
     */
    public Halves halves(byte[] utf8, int length) {
        for (int i = 0; i < length; i++) {
            if (utf8[i] < 0) {
                String identifier = new String(utf8, 0, length, StandardCharsets.UTF_8);
                return identifier.isBlank() ? null : halves(identifier);
            }
        }
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace((char) utf8[i])) {
                return halvesOf(hmac(utf8, normaliseAscii(utf8, length)));
            }
        }
        return null;
    }

    /**
     * A pseudonym as two 64-bit halves: {@code high} holds its first 64 bits, {@code low} the next 64,
     * both as bit patterns (a long's sign is the pseudonym's bit 127 or 63, not a sign).
     */
    public record Halves(long high, long low) {
    }

    /**
     * HMAC-SHA256 of the normalised identifier. Measured per identifier: the two copies of the keyed
     * states cost about as much as the two compressions, yet less than re-hashing the key block into a
     * reused digest or a reused {@code javax.crypto.Mac} (both need four compressions, not two). A hand
     * written SHA-256 would lose the JDK's intrinsic (CPU SHA instructions), which only
     * {@code MessageDigest} gets.
     */
    private byte[] hmac(String identifier) {
        MessageDigest inner = copy(innerStart);
        updateNormalised(inner, identifier);
        return outerHash(inner);
    }

    /** HMAC-SHA256 of the first {@code length} bytes of an identifier already normalised. */
    private byte[] hmac(byte[] normalised, int length) {
        MessageDigest inner = copy(innerStart);
        inner.update(normalised, 0, length);
        return outerHash(inner);
    }

    private byte[] outerHash(MessageDigest inner) {
        MessageDigest outer = copy(outerStart);
        outer.update(inner.digest());
        return outer.digest();
    }

    /**
     * Feeds the normalised identifier, in UTF-8, to the digest. Identifiers are ASCII in practice: those
     * are normalised straight into bytes (an ASCII character is its own UTF-8 byte, and stays ASCII in
     * upper case). Any other text takes the general rule on {@code char}s and is then encoded, so both
     * give the bytes the general rule gives.
     */
    private static void updateNormalised(MessageDigest digest, String identifier) {
        byte[] ascii = new byte[identifier.length()];
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c >= 0x80) {
                digest.update(normalised(identifier).getBytes(StandardCharsets.UTF_8));
                return;
            }
            ascii[i] = (byte) c;
        }
        digest.update(ascii, 0, normaliseAscii(ascii, ascii.length));
    }

    /**
     * The general rule on ASCII bytes, in place: whitespace, dots and dashes removed, every other byte in upper case
     * (an ASCII character stays ASCII in upper case). Returns how many bytes are kept, at the front.
     */
    private static int normaliseAscii(byte[] ascii, int length) {
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = (char) ascii[i];
            if (kept(c)) {
                ascii[kept++] = (byte) Character.toUpperCase(c);
            }
        }
        return kept;
    }

    /** The general rule: whitespace, dots and dashes removed, every other {@code char} in upper case. */
    private static String normalised(String identifier) {
        StringBuilder normalised = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (kept(c)) {
                normalised.append(Character.toUpperCase(c));
            }
        }
        return normalised.toString();
    }

    private static boolean kept(char c) {
        return !Character.isWhitespace(c) && c != '.' && c != '-';
    }

    private static MessageDigest copy(MessageDigest start) {
        try {
            return (MessageDigest) start.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 state cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
