package nl.opvangmonitor.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jooq.DataType;
import org.jooq.Field;

/**
 * The largest absolute value a numeric fact column can store, taken from its type (DECIMAL(7, 2):
 * 99999.99; SMALLINT: 32767), so that a value beyond it is a rejected row with its reason, never a
 * failed write. The rules check every value they write against it ({@link StagedRows}).
 *
 * @param max   the bound
 * @param scale the column's decimals: a value is rounded to them before it is compared, as DuckDB stores it
 */
record ColumnBound(BigDecimal max, int scale) {

    /** The bound of {@code column}, or empty for a type that every value of its rules fits (BIGINT, text, dates). */
    static Optional<ColumnBound> of(Field<?> column) {
        DataType<?> type = column.getDataType();
        if (type.isDecimal() && type.precisionDefined()) {
            int scale = type.scaleDefined() ? type.scale() : 0;
            return Optional.of(new ColumnBound(BigDecimal.TEN.pow(type.precision() - scale).subtract(BigDecimal.ONE.movePointLeft(scale)), scale));
        }
        if (type.getType() == Short.class || type.getType() == Byte.class) {
            return Optional.of(new ColumnBound(BigDecimal.valueOf(type.getType() == Short.class ? Short.MAX_VALUE : Byte.MAX_VALUE), 0));
        }
        return Optional.empty();
    }

    boolean fits(BigDecimal value) {
        return value.setScale(scale, RoundingMode.HALF_EVEN).abs().compareTo(max) <= 0;
    }

    /** The reason after the quoted value: {@code ' does not fit the column x (at most 99999.99 in absolute value)}. */
    String reasonAfterValue(String column) {
        return "' does not fit the column " + column + " (at most " + max.toPlainString() + " in absolute value)";
    }
}
