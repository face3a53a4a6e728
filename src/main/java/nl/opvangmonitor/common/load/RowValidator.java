package nl.opvangmonitor.common.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.opvangmonitor.common.io.SourceRow;
import nl.opvangmonitor.common.parse.DutchDates;
import nl.opvangmonitor.common.parse.DutchNumbers;
import nl.opvangmonitor.common.parse.YesNo;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.privacy.SafeMessage;

/**
 * Reads the typed values of one row and collects every problem with the column, the offending
 * value and a reason in plain words. Values of identifier columns are masked in rejections.
 */
public final class RowValidator {

    public static final String MASKED = "<masked>";
    /** The range of core.dim_date: a date outside it is almost always a typo (2109 for 2019). */
    public static final LocalDate FIRST_DATE = StagedRows.FIRST_DATE;
    public static final LocalDate LAST_DATE = StagedRows.LAST_DATE;

    private final SourceRow row;
    private final Set<String> identifierColumns;
    private final List<Rejection> rejections = new ArrayList<>();

    public RowValidator(SourceRow row, Set<String> identifierColumns) {
        this.row = row;
        this.identifierColumns = identifierColumns;
    }

    public String text(String column) {
        return row.get(column);
    }

    public String requiredText(String column) {
        String v = row.get(column);
        if (v == null) {
            reject(column, null, "required value is empty");
        }
        return v;
    }

    /** A date within the range of the date dimension (2000-2040). */
    public LocalDate date(String column, boolean required) {
        LocalDate date = parse(column, required, DutchDates::parse);
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            reject(column, row.get(column), "date outside the supported range 2000-2040");
            return null;
        }
        return date;
    }

    public BigDecimal number(String column, boolean required) {
        return parse(column, required, DutchNumbers::parse);
    }

    public Integer wholeNumber(String column, boolean required) {
        return parse(column, required, DutchNumbers::parseWhole);
    }

    public Boolean yesNo(String column, boolean required) {
        return parse(column, required, YesNo::parse);
    }

    /** A value looked up in reference data, e.g. a municipality; {@code what} names it in the reason. */
    public <T> T lookup(String column, Function<String, Optional<T>> resolver, String what) {
        String v = requiredText(column);
        if (v == null) {
            return null;
        }
        Optional<T> found = resolver.apply(v);
        if (found.isEmpty()) {
            reject(column, v, "unknown " + what);
            return null;
        }
        return found.get();
    }

    /** The keyed pseudonym of an identifier column; the identifier itself goes no further. */
    public String pseudonym(String column, Pseudonymizer pseudonymizer) {
        String v = requiredText(column);
        return v == null ? null : pseudonymizer.pseudonymise(v);
    }

    /**
     * Rejects {@code value} (read as {@code text} from {@code column}) when the fact column it is stored in
     * cannot hold it: the bound comes from that column's type (see {@link ColumnBound}), the same words
     * as the set-based rules. Returns whether it fits.
     */
    public boolean fits(String column, String text, BigDecimal value, org.jooq.Field<?> target) {
        var bound = ColumnBound.of(target);
        if (value == null || bound.isEmpty() || bound.get().fits(value)) {
            return true;
        }
        reject(column, text, "'" + text + bound.get().reasonAfterValue(target.getName()));
        return false;
    }

    /** Adds a problem found by a rule that spans columns or is specific to a source. */
    public void reject(String column, String value, String reason) {
        // the value, and the reason where it quotes the value, scrubbed as every message: a lost delimiter can shift
        // an identifier into another column
        String shown = SafeMessage.scrub(mask(column, value));
        rejections.add(new Rejection(column, shown, value == null || reason == null ? reason : reason.replace(value, shown)));
    }

    public <T> Validated<T> result(Supplier<T> fact) {
        return rejections.isEmpty() ? Validated.of(row, fact.get()) : Validated.rejected(row, rejections);
    }

    private <T> T parse(String column, boolean required, Function<String, T> parser) {
        String v = row.get(column);
        if (v == null) {
            if (required) {
                reject(column, null, "required value is empty");
            }
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            reject(column, v, identifierColumns.contains(column) ? "not a valid value" : e.getMessage());
            return null;
        }
    }

    private String mask(String column, String value) {
        return value != null && identifierColumns.contains(column) ? MASKED : value;
    }
}
