package nl.opvangmonitor.common.privacy;

import java.util.regex.Pattern;

/**
 * The one place a message about a delivered file is made safe to show, log or store. Exceptions of
 * libraries that read cell content (POI, DuckDB's CSV reader, the JDBC driver) quote that content in
 * their messages; such text never travels on. Our own messages that are written to hold no cell
 * content implement {@link Safe} and pass unchanged.
 */
public final class SafeMessage {

    /** Marks an exception whose message is written by us and holds no value of a delivered file. */
    public interface Safe {
    }

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`");
    private static final Pattern DIGITS = Pattern.compile("[0-9][0-9 .\\-]{3,}[0-9]");

    private SafeMessage() {
    }

    /** A description of the failure that names its kind and never quotes what it read. */
    public static String of(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Safe && c.getMessage() != null) {
                return c.getMessage();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (category(root.getMessage()).isEmpty() ? "" : ": " + category(root.getMessage()));
    }

    /**
     * The first words of a library message up to the first place it could start quoting content
     * (a colon, a quote, a digit run), e.g. {@code Conversion Error} or {@code Invalid Input Error}.
     */
    static String category(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        int colon = first.indexOf(':');
        String head = colon >= 0 ? first.substring(0, colon) : first;
        head = DIGITS.matcher(QUOTED.matcher(head).replaceAll("<value>")).replaceAll("<value>");
        return head.length() > 80 ? head.substring(0, 80) + "…" : head.strip();
    }
}
