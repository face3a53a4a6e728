package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeySourceTest {

    private static final boolean PRODUCTION = true;
    private static final boolean NOT_PRODUCTION = false;

    @TempDir
    Path dir;

    @Test
    void resolve_whenEnvironmentAndKeyFileSet_thenEnvironmentWins() throws IOException {
        // given
        Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), "key-from-the-key-file");

        // when
        byte[] key = PseudonymKeySource.resolve("  key-from-the-environment \n", keyFile.toString(), PRODUCTION);

        // then
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("key-from-the-environment");
    }

    @Test
    void resolve_whenOnlyKeyFile_thenKeyFileContentStripped() throws IOException {
        // given
        Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), "key-from-the-key-file\n");

        // when
        byte[] key = PseudonymKeySource.resolve(null, keyFile.toString(), PRODUCTION);

        // then
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("key-from-the-key-file");
    }

    @Test
    void resolve_whenEnvironmentBlank_thenKeyFileUsed() throws IOException {
        // given
        Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), "key-from-the-key-file");

        // when
        byte[] key = PseudonymKeySource.resolve("   ", keyFile.toString(), PRODUCTION);

        // then
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("key-from-the-key-file");
    }

    @Test
    void resolve_whenKeyFileMissing_thenIllegalStateNamingTheFile() {
        // given
        Path keyFile = dir.resolve("does-not-exist.key");

        // when / then
        assertThatThrownBy(() -> PseudonymKeySource.resolve(null, keyFile.toString(), PRODUCTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the pseudonymisation key file " + keyFile + ": ");
    }

    @Test
    void resolve_whenProductionWithoutEnvironmentOrKeyFile_thenIllegalStateNamingTheVariable() {
        // given / when / then
        assertThatThrownBy(() -> PseudonymKeySource.resolve(null, null, PRODUCTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPVANGMONITOR_PSEUDONYM_KEY")
                .hasMessage("no pseudonymisation key: set the environment variable OPVANGMONITOR_PSEUDONYM_KEY"
                        + " or opvangmonitor.pseudonym.key-file; a production run never uses the development key");
    }

    @Test
    void resolve_whenProductionWithBlankValues_thenIllegalState() {
        // given / when / then
        assertThatThrownBy(() -> PseudonymKeySource.resolve(" ", "", PRODUCTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPVANGMONITOR_PSEUDONYM_KEY");
    }

    @Test
    void resolve_whenNotProductionWithoutEnvironmentOrKeyFile_thenDevelopmentKey() {
        // given / when
        byte[] key = PseudonymKeySource.resolve(null, null, NOT_PRODUCTION);

        // then
        assertThat(new String(key, StandardCharsets.UTF_8))
                .isEqualTo("opvangmonitor-development-key-for-synthetic-sample-data-only")
                .isEqualTo(PseudonymKeySource.DEVELOPMENT_KEY);
    }

    @Test
    void resolve_whenDevelopmentKey_thenLongEnoughForThePseudonymizer() {
        // given
        byte[] key = PseudonymKeySource.resolve(null, null, NOT_PRODUCTION);

        // when
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);

        // then
        assertThat(pseudonymizer.pseudonym("123456782").bitLength()).isBetween(1, 128);
    }
}
