package nl.opvangmonitor.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * The one-line reason of a run that failed as expected (a folder that is not writable, another load
 * running, no pseudonymisation key): what could not be done and why, never a stack trace (those are
 * logged at debug level), never a bare path and never a library's text (see {@link SafeMessage}).
 */
public final class RunFailure {

    private RunFailure() {
    }

    public static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SafeMessage.Safe) {
                return SafeMessage.scrub(t.getMessage());
            }
            if (t instanceof AccessDeniedException denied) {
                return "cannot write " + denied.getFile() + ": permission denied (the folder is not writable for this user)";
            }
            if (t instanceof NoSuchFileException missing) {
                return "cannot find " + missing.getFile();
            }
            if (t instanceof FileSystemException fs) {
                return "cannot write " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
            }
            root = t;
        }
        return SafeMessage.of(root);
    }
}
