package nl.opvangmonitor.common.io;

/** A whole file cannot be loaded (missing columns, corrupt or protected workbook, unreadable). The message is for the data team. */
public class FileRejectedException extends Exception {
    public FileRejectedException(String message) {
        super(message);
    }

    public FileRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
