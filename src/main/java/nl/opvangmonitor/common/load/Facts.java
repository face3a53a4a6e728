package nl.opvangmonitor.common.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.TableField;

/**
 * What the rules of a {@link StagedSource} give its fact table: each value keyed by the generated
 * column it goes to, never by its position, so a migration that reorders or adds columns cannot shift
 * a value into its neighbour's column. The value's type must be the column's (checked by the compiler).
 * Columns not set stay NULL (or their default); file_id and row_number are set by the platform.
 */
public final class Facts {

    private final Map<TableField<?, ?>, Field<?>> values = new LinkedHashMap<>();

    public <T> Facts set(TableField<?, T> column, Field<? extends T> value) {
        if (values.putIfAbsent(column, value) != null) {
            throw new IllegalArgumentException("column " + column.getName() + " is set twice");
        }
        return this;
    }

    Map<TableField<?, ?>, Field<?>> values() {
        return Collections.unmodifiableMap(values);
    }
}
