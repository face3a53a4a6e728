package nl.opvangmonitor.common.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What the rules of a source write into one table: for every staged row that is not rejected and
 * for which {@code where} holds, one row with file_id, row_number and the value of each column.
 *
 * @param values the value of each column, keyed by the table's field (never by position)
 */
public record FactRows(Table<?> table, Map<Field<?>, Field<?>> values, Condition where) {

    /** Values for the columns after (file_id, row_number), in table order, for every staged row. */
    public static FactRows inTableOrder(Table<?> table, List<Field<?>> values) {
        Map<Field<?>, Field<?>> byField = new LinkedHashMap<>();
        Field<?>[] fields = table.fields();
        for (int i = 0; i < values.size(); i++) {
            byField.put(fields[i + 2], values.get(i));
        }
        return new FactRows(table, byField, DSL.trueCondition());
    }
}
