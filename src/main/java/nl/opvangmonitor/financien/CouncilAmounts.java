package nl.opvangmonitor.financien;

import java.math.BigDecimal;
import nl.opvangmonitor.common.parse.DutchNumbers;

/**
 * Amounts as council tables and the long layout write them, in thousands of euros: Dutch notation
 * ({@code 7.205}, {@code -23}, {@code −23}, {@code 48,5}, {@code € 1.234}), an accountant's
 * {@code (23)} for -23, and a lone dash ({@code -}, {@code –}) for nil. Read here once: while a
 * council table's structure is recognised ({@link WideTable}) and, as the DuckDB function
 * {@value FinanceFunctions#COUNCIL_AMOUNT}, by the rules ({@link FinanceRules}). CBS Iv3 files
 * write {@code 10127.0} (a decimal point, no thousands separators); the rules read those.
 */
final class CouncilAmounts {

    /** The reason after the quoted text that is not an amount. */
    static final String NOT_AN_AMOUNT = "' is not an amount (x € 1.000, written as 7.205 or -23)";

    private CouncilAmounts() {
    }

    /** A council amount, or null when the text is empty or not an amount. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
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
            return null;
        }
    }
}
