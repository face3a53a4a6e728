package nl.opvangmonitor.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the pseudonymisation key comes from, in this order: the environment variable
 * {@value #ENV}, the key file named in {@code opvangmonitor.pseudonym.key-file}, or, only when
 * neither is set and the run is not a production run, the named development key for the
 * synthetic sample data.
 */
public final class PseudonymKeySource {

    public static final String ENV = "OPVANGMONITOR_PSEUDONYM_KEY";
    public static final String DEVELOPMENT_KEY = "opvangmonitor-development-key-for-synthetic-sample-data-only";
    private static final Logger log = LoggerFactory.getLogger(PseudonymKeySource.class);

    private PseudonymKeySource() {
    }

    public static byte[] resolve(String environmentValue, String keyFile, boolean production) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return environmentValue.strip().getBytes(StandardCharsets.UTF_8);
        }
        if (keyFile != null && !keyFile.isBlank()) {
            try {
                return Files.readString(Path.of(keyFile)).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SafeMessage.SafeFailure("cannot read the pseudonymisation key file " + keyFile + ": " + SafeMessage.of(e));
            }
        }
        if (production) {
            throw new SafeMessage.SafeFailure("no pseudonymisation key: set the environment variable " + ENV
                    + " or opvangmonitor.pseudonym.key-file; a production run never uses the development key");
        }
        log.warn("No pseudonymisation key configured ({} or opvangmonitor.pseudonym.key-file): using the DEVELOPMENT key, fit only for synthetic sample data", ENV);
        return DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8);
    }
}
