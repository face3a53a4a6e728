package nl.opvangmonitor.common.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as exports write them: {@code dd-mm-jjjj}, {@code d-m-jjjj} (also with / or .), or ISO {@code jjjj-mm-dd}, optionally followed by a time. */
public final class DutchDates {

    private static final Pattern DUTCH = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?:[ T].*)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T].*)?");

    private DutchDates() {
    }

    public static LocalDate parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = DUTCH.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an existing date");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)");
    }
}
