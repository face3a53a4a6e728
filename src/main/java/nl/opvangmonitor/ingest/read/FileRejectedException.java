package nl.opvangmonitor.ingest.read;

import nl.opvangmonitor.privacy.SafeMessage;

/**
 * A whole file cannot be loaded (missing columns, corrupt or protected workbook, unreadable). The message is for the data
 * team and written by us: it describes the file's shape, never a value in it, and quotes a library's failure only through
 * {@link SafeMessage#of(Throwable)}.
 */
public class FileRejectedException extends Exception implements SafeMessage.Safe {
    public FileRejectedException(String message) {
        super(message);
    }

    public FileRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
