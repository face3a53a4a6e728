package nl.opvangmonitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Set;

/**
 * Figures written the way the councils print them: {@code 64%}, {@code 48,33%}, {@code 2.097},
 * {@code 9,4}, {@code -133.727}; a missing figure as {@code -} and a suppressed one as {@code x}
 * (the CBS sign for a figure withheld to protect persons), explained in a footnote.
 */
final class CouncilNotation {

    static final String MISSING = "-";
    static final String SUPPRESSED = "x";

    /**
     * Councils publish shares as whole percentages; Rotterdam's voortgangsrapportage gives this one in
     * hundredths (48,33%), so it keeps two decimals.
     */
    private static final Set<String> PERCENT_IN_HUNDREDTHS = Set.of("mo_verblijf_90plus");

    private CouncilNotation() {
    }

    static String figure(PublicFigures.IndicatorInfo info, PublicFigures.Figure figure) {
        if (figure == null) {
            return MISSING;
        }
        if (figure.suppressed()) {
            return SUPPRESSED;
        }
        if (figure.value() == null) {
            return MISSING;
        }
        return switch (info.unit()) {
            case "percent" -> number(figure.value(), PERCENT_IN_HUNDREDTHS.contains(info.code()) ? 2 : 0) + "%";
            case "months" -> number(figure.value(), 1);
            default -> number(figure.value(), 0);
        };
    }

    static String target(String text) {
        return text == null || text.isBlank() ? MISSING : text.strip();
    }

    /** Dutch notation: {@code .} groups thousands, {@code ,} separates decimals. */
    static String number(BigDecimal value, int decimals) {
        DecimalFormatSymbols dutch = new DecimalFormatSymbols();
        dutch.setGroupingSeparator('.');
        dutch.setDecimalSeparator(',');
        dutch.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), dutch);
        return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    static String version(String version) {
        return switch (version) {
            case "realisatie" -> "Realisatie";
            case "begroting" -> "Begroting";
            case "bijgestelde_begroting" -> "Bijgestelde begroting";
            case "raming" -> "Raming";
            default -> version;
        };
    }
}
