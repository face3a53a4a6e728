package nl.opvangmonitor.common.parse;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as Dutch exports write them: {@code 1.031} (thousands), {@code 48,33}, {@code 48,33%},
 * {@code -23}, {@code € 1.234,5}. A point is a thousands separator when it groups digits by three
 * and no comma is present; otherwise it is a decimal point (CBS files write {@code 1234.5}).
 */
public final class DutchNumbers {

    private static final Pattern THOUSANDS_ONLY = Pattern.compile("-?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

    private DutchNumbers() {
    }

    /** Parses a number; a trailing % is dropped (the value stays in percent). */
    public static BigDecimal parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no number");
        }
        String s = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        s = s.replace('\u2212', '-'); // typographic minus
        String normalised;
        if (s.indexOf(',') >= 0) {
            normalised = s.replace(".", "").replace(',', '.');
        } else if (THOUSANDS_ONLY.matcher(s).matches()) {
            normalised = s.replace(".", "");
        } else {
            normalised = s;
        }
        if (!PLAIN.matcher(normalised).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        return new BigDecimal(normalised);
    }

    /** Parses a whole number; {@code 3,0} is accepted, {@code 2,5} is not. */
    public static int parseWhole(String text) {
        BigDecimal value = parse(text);
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
