package nl.opvangmonitor.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
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
 * HmacSHA256. Safe for concurrent use: every call works on its own copies of the two states.
 */
public final class Pseudonymizer {

    private static final int BLOCK = 64;
    /** The SQL type of a pseudonym column: 128 bits, unsigned, fixed-width. */
    public static final String SQL_TYPE = "UHUGEINT";
    /** The bytes of the HMAC kept: 128 bits. */
    static final int KEPT_BYTES = 16;

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
        MessageDigest inner = copy(innerStart);
        inner.update(normalised(identifier).getBytes(StandardCharsets.UTF_8));
        MessageDigest outer = copy(outerStart);
        outer.update(inner.digest());
        return new BigInteger(1, Arrays.copyOf(outer.digest(), KEPT_BYTES));
    }

    private static String normalised(String identifier) {
        StringBuilder normalised = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                normalised.append(Character.toUpperCase(c));
            }
        }
        return normalised.toString();
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
