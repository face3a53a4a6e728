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
        LocalDate fast = fastPath(s);
        if (fast != null) {
            return fast;
        }
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

    /** dd-mm-jjjj and jjjj-mm-dd of exactly ten characters, without regular expressions (the bulk of every export). */
    private static LocalDate fastPath(String s) {
        if (s.length() != 10) {
            return null;
        }
        try {
            if (s.charAt(2) == '-' && s.charAt(5) == '-') {
                return LocalDate.of(digits(s, 6, 10), digits(s, 3, 5), digits(s, 0, 2));
            }
            if (s.charAt(4) == '-' && s.charAt(7) == '-') {
                return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null; // the full parser gives the message
        }
        return null;
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
