package nl.opvangmonitor.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
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

    private final SecretKeySpec key;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String pseudonymise(String identifier) {
        String normalised = identifier.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
