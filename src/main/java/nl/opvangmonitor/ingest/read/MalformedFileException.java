package nl.opvangmonitor.ingest.read;

import java.io.IOException;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * The structure of a delivered file is broken at a known place (an unclosed quote, a malformed
 * sheet row): the file cannot be read further without losing or inventing rows. The message names
 * the line or row and what is wrong, never a value of the file.
 */
public class MalformedFileException extends IOException implements SafeMessage.Safe {

    public MalformedFileException(String message) {
        super(message);
    }
}
