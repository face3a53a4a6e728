package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import nl.opvangmonitor.privacy.SafeMessage;
import org.junit.jupiter.api.Test;

class RunFailureTest {

    @Test
    void reason_whenAFolderIsNotWritable_thenSaysWhatCouldNotBeWrittenNotTheBarePath() {
        var denied = new IllegalStateException("wrapped", new AccessDeniedException("/srv/warehouse/.build"));
        assertThat(RunFailure.reason(denied))
                .isEqualTo("cannot write /srv/warehouse/.build: permission denied (the folder is not writable for this user)");
    }

    @Test
    void reason_whenAnotherFileSystemError_thenNamesFileAndReason() {
        assertThat(RunFailure.reason(new FileSystemException("/srv/w.duckdb", null, "Read-only file system")))
                .isEqualTo("cannot write /srv/w.duckdb: Read-only file system");
    }

    @Test
    void reason_whenOurOwnMessage_thenThatMessage() {
        assertThat(RunFailure.reason(new RuntimeException("context", new SafeMessage.SafeFailure("no pseudonymisation key"))))
                .isEqualTo("no pseudonymisation key");
    }

    @Test
    void reason_whenALibraryMessage_thenOnlyItsKindNeverItsText() {
        assertThat(RunFailure.reason(new RuntimeException("context",
                new IllegalArgumentException("Conversion Error: could not convert \"BC-031124\" for 123456782"))))
                .isEqualTo("IllegalArgumentException: Conversion Error");
    }
}
