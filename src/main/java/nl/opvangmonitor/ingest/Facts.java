package nl.opvangmonitor.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * What the rules of a {@link StagedSource} write into one table: for every staged row that is not
 * rejected and for which {@link #where} holds, a row with file_id, row_number and each value keyed by
 * the generated column it goes to, never by its position, so a migration that reorders or adds columns
 * cannot shift a value into its neighbour's column. The value's type must be the column's (checked by
 * the compiler). Columns not set stay NULL (or their default); file_id and row_number are set by the platform.
 */
public final class Facts {

    private final Map<TableField<?, ?>, Field<?>> values = new LinkedHashMap<>();
    private Condition where = DSL.trueCondition();

    public <T> Facts set(TableField<?, T> column, Field<? extends T> value) {
        if (!values.isEmpty() && !values.keySet().iterator().next().getTable().equals(column.getTable())) {
            throw new IllegalArgumentException("column " + column.getName() + " is not of " + table().getName() + ": one Facts fills one table");
        }
        if (values.putIfAbsent(column, value) != null) {
            throw new IllegalArgumentException("column " + column.getName() + " is set twice");
        }
        return this;
    }

    /** Only the staged rows for which {@code condition} holds give a row (e.g. the detail lines of a budget table). */
    public Facts where(Condition condition) {
        where = condition;
        return this;
    }

    /**
     * The same values for the columns of the same names in {@code other} (a table sharing columns with
     * this one, such as budget details and reported totals); each column must exist there with the same type.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Facts sameIn(Table<?> other) {
        Facts copy = new Facts();
        values.forEach((column, value) -> {
            Field<?> target = other.field(column.getName());
            if (!(target instanceof TableField<?, ?> field) || !field.getDataType().equals(column.getDataType())) {
                throw new IllegalArgumentException(other.getName() + " has no column " + column.getName() + " of type " + column.getDataType());
            }
            copy.set((TableField) field, (Field) value);
        });
        return copy;
    }

    /** The table these values fill. */
    Table<?> table() {
        return values.keySet().iterator().next().getTable();
    }

    Map<TableField<?, ?>, Field<?>> values() {
        return Collections.unmodifiableMap(values);
    }

    Condition where() {
        return where;
    }
}
