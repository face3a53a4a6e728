package nl.opvangmonitor.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place a message about a delivered file is made safe to show, log or store. Every message
 * that leaves the load passes through here: the summary, the audit rows, the job repository's exit
 * messages (see {@code SafeJobRepository}) and every log line (see {@code SafeLogConverters}).
 * <ul>
 *   <li>{@link #of(Throwable)}: exceptions of libraries that read cell content (POI, DuckDB's CSV
 *       reader, the JDBC driver) quote that content in their messages; such text never travels on,
 *       only the exception's kind and the words before it starts quoting. Our own exceptions whose
 *       message holds no delivered value implement {@link Safe} and pass (scrubbed).</li>
 *   <li>{@link #scrub(String)}: the last line of defence for any text: masks what could be an
 *       identifier (what the BSN guard looks for, a run of seven or more digits, a code of letters
 *       glued to five or more digits) as {@value #MASK}. So a file's message never holds what the
 *       guard would find: a delivery that quotes a BSN fails that file, never the whole publish.</li>
 * </ul>
 */
public final class SafeMessage {

    /** Marks an exception whose message is written by us and holds no value of a delivered file. */
    public interface Safe {
    }

    /** A failure with a message we wrote; the library exception it replaces is not kept (its text would travel on as the cause). */
    public static final class SafeFailure extends IllegalStateException implements Safe {
        /** A failure of configuration or of the run itself, described by us (never with a delivered value); scrubbed by {@link #of}. */
        public SafeFailure(String message) {
            super(message);
        }

        public SafeFailure(String message, StackTraceElement[] trace) {
            super(scrub(message));
            setStackTrace(trace);
        }

        /** The failure {@code t} as one that is safe to log and store: its safe message, its stack, no cause. */
        public static RuntimeException of(Throwable t) {
            return t instanceof SafeFailure safe ? safe : new SafeFailure(SafeMessage.of(t), t.getStackTrace());
        }
    }

    public static final String MASK = "<masked>";

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`");
    /** What the BSN guard looks for: a message that passed here can never make the guard refuse a publish. */
    private static final Pattern BSN_CANDIDATE = Pattern.compile(BsnGuard.CANDIDATE);
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z][A-Za-z ]{0,39}");
    /** An error kind followed by details ({@code Appender error, catalog: …}): only words ending in "error" are kept. */
    private static final Pattern ERROR_KIND = Pattern.compile("([A-Za-z][A-Za-z ]{0,39}[Ee]rror)[,:(]");
    /** Digits with single separators as identifiers are written: 123456782, 123.456.782, 06-12345678. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9]+(?:[ .\\-/]?[0-9]+)*");
    /** A client or case number: letters glued (or hyphened) to five or more digits, e.g. BC-031124, CL00123. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z])[A-Za-z]{1,6}[\\-_]?[0-9]{5,}[0-9A-Za-z]*");
    /** Runs of digits that are kept: years and year ranges (2018-2020), ISO and Dutch dates. */
    private static final Pattern HARMLESS = Pattern.compile("(19|20)[0-9]{2}(-(19|20)[0-9]{2})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}");

    private SafeMessage() {
    }

    /** A description of the failure that names its kind and never quotes what it read. */
    public static String of(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Safe && c.getMessage() != null) {
                return scrub(c.getMessage());
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String category = category(root.getMessage());
        return root.getClass().getSimpleName() + (category.isEmpty() ? "" : ": " + category);
    }

    /** The message of this one throwable (not its causes), made safe: ours (scrubbed) or a library's category. */
    public static String describe(Throwable t) {
        return t instanceof Safe ? scrub(t.getMessage()) : category(t.getMessage());
    }

    /** Text written by a library (a log line of POI, Spring, H2): quoted parts masked, then scrubbed. */
    public static String scrubLibraryText(String text) {
        return text == null ? null : scrub(QUOTED.matcher(text).replaceAll(MASK));
    }

    /**
     * The category a library puts before the colon of its message ({@code Conversion Error: …},
     * {@code Invalid Input Error: …}), when it is a few plain words; otherwise nothing, since the rest
     * may quote what was read.
     */
    static String category(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        int colon = first.indexOf(':');
        String head = colon > 0 ? first.substring(0, colon).strip() : "";
        if (CATEGORY.matcher(head).matches()) {
            return head;
        }
        Matcher error = ERROR_KIND.matcher(first);
        return error.lookingAt() ? error.group(1) : "";
    }

    /** The text with everything that could be an identifier masked; null stays null. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String codes = CODE.matcher(BSN_CANDIDATE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                BsnGuard.isBsn(m.group(1)) ? m.group().replace(m.group(1), MASK) : m.group()))).replaceAll(MASK);
        Matcher m = DIGIT_RUN.matcher(codes);
        StringBuilder out = new StringBuilder(codes.length());
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            m.appendReplacement(out, digits >= 7 && !HARMLESS.matcher(run).matches() ? MASK : Matcher.quoteReplacement(run));
        }
        return m.appendTail(out).toString();
    }
}
