package nl.opvangmonitor.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a client identifier (BSN or provider client number) by a keyed hash, HMAC-SHA256,
 * at the reader boundary. Without the key the pseudonym cannot be recomputed from a guessed
 * identifier (a plain hash of a BSN can: there are only 10^9 of them).
 * Identifiers are normalised first (trimmed, upper case, spaces, dots and dashes removed) so
 * "123.456.782" and "123456782" yield the same pseudonym.
 */
public final class Pseudonymizer {

    private static final HexFormat HEX = HexFormat.of();

    private final ThreadLocal<Mac> mac;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }

    public String pseudonymise(String identifier) {
        StringBuilder normalised = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                normalised.append(Character.toUpperCase(c));
            }
        }
        return HEX.formatHex(mac.get().doFinal(normalised.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
