package nl.opvangmonitor.gepubliceerd;

import java.math.BigDecimal;
import nl.opvangmonitor.common.parse.DutchNumbers;

/**
 * A figure as a council document prints it: {@code 64%}, {@code 48,33%}, {@code 9,4}, {@code 2.097},
 * {@code -133.727}. The notation sets the precision the computed value is compared at: {@code 64%} is
 * a whole percent, {@code 9,4} has one decimal; a point groups thousands.
 */
record PublishedNotation(BigDecimal value, int decimals, boolean percent) {

    static PublishedNotation parse(String text) {
        BigDecimal value = DutchNumbers.parse(text);
        return new PublishedNotation(value, Math.max(0, value.scale()), text.strip().endsWith("%"));
    }
}
