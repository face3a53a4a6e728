package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one pass over a delivered file tells: its SHA-256 (the delivery's identity), its size and
 * the number of lines up to the last one with content (blank lines at the end do not count). The
 * native CSV path uses the line count to prove that every record is exactly one line, so that a
 * record's position gives the line number a user looks up.
 */
public record Fingerprint(String sha256, long size, long contentLines) {

    public static Fingerprint of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        long newlines = 0;
        long linesUpToContent = 0;
        boolean contentOnLine = false;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        newlines++;
                        contentOnLine = false;
                    } else if (b != '\r' && b != ' ' && b != '\t' && !contentOnLine) {
                        contentOnLine = true;
                        linesUpToContent = newlines + 1;
                    }
                }
            }
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()), size, linesUpToContent);
    }
}
