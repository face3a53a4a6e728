package nl.opvangmonitor.financien;

import java.math.BigDecimal;
import nl.opvangmonitor.common.parse.DutchNumbers;

/**
 * Amounts as finance exports write them, in thousands of euros.
 * <ul>
 *   <li>Council tables and the long layout: Dutch notation ({@code 7.205}, {@code -23}, {@code −23},
 *       {@code 48,5}, {@code € 1.234}), an accountant's {@code (23)} for -23, and a lone dash
 *       ({@code -}, {@code –}) for nil.</li>
 *   <li>CBS Iv3 files: a decimal point and no thousands separators ({@code 10127.0}); read with
 *       {@link #parseIv3}, because {@code 1.500} there is one and a half, not fifteen hundred.</li>
 * </ul>
 */
final class CouncilAmounts {

    private CouncilAmounts() {
    }

    /** A council amount; throws IllegalArgumentException with a reason for the data team. */
    static BigDecimal parseCouncil(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no amount");
        }
        String s = text.strip().replace("\u00a0", "");
        if (s.equals("-") || s.equals("–") || s.equals("—") || s.equals("\u2212")) {
            return BigDecimal.ZERO;
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        s = s.replace('–', '-');
        try {
            BigDecimal value = DutchNumbers.parse(s);
            return negative ? value.negate() : value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an amount (x € 1.000, written as 7.205 or -23)");
        }
    }

    /** The same, or null when the text is not an amount (used while recognising a table's structure). */
    static BigDecimal tryCouncil(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parseCouncil(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A CBS Iv3 amount: {@code 10127.0}, {@code -482.0}. */
    static BigDecimal parseIv3(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no amount");
        }
        String s = text.strip();
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("'" + s + "' is not an amount as CBS Iv3 files write it (1234.0: a decimal point, no thousands separators)");
        }
        return new BigDecimal(s);
    }
}
