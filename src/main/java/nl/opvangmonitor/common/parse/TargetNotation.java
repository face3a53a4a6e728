package nl.opvangmonitor.common.parse;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets (streefwaarden) as councils write them: {@code >55%}, {@code <200}, {@code >=70},
 * {@code 0}, {@code 79%}, {@code 88-90%} (a range) and {@code **} or {@code -} (no target set).
 * A bare number has no operator of its own: it is read as "at least" for an indicator where
 * higher is better and "at most" where lower is better; a bare 0 means exactly zero.
 */
public final class TargetNotation {

    public record Target(String operator, BigDecimal value, BigDecimal upper) {
        public static final Target NONE = new Target(null, null, null);
    }

    private static final Pattern RANGE = Pattern.compile("(-?[\\d.,]+)\\s*%?\\s*(?:-|–|t/m|tot)\\s*(-?[\\d.,]+)\\s*%?");
    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|≥|≤|>|<|=)?\\s*(-?[\\d.,]+\\s*%?)");

    private TargetNotation() {
    }

    public static Target parse(String text, boolean higherIsBetter) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.toLowerCase(java.util.Locale.ROOT).matches("\\*+|-|–|n\\.?v\\.?t\\.?|geen")) {
            return Target.NONE;
        }
        Matcher range = RANGE.matcher(s);
        if (range.matches()) {
            return new Target("between", DutchNumbers.parse(range.group(1)), DutchNumbers.parse(range.group(2)));
        }
        Matcher m = COMPARISON.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a target (expected e.g. >55%, <200, 0 or **)");
        }
        BigDecimal value = DutchNumbers.parse(m.group(2));
        String op = m.group(1);
        if (op == null) {
            op = value.signum() == 0 ? "=" : higherIsBetter ? ">=" : "<=";
        } else if (op.equals("≥")) {
            op = ">=";
        } else if (op.equals("≤")) {
            op = "<=";
        }
        return new Target(op, value, null);
    }
}
