package nl.opvangmonitor.warehouse.checks;

import java.util.List;

/**
 * One declared check on one model (table or view).
 *
 * @param kind    unique, not_null, accepted_values or expression
 * @param columns the columns it is about (unique: the key; not_null/accepted_values: one column)
 * @param values  accepted values (accepted_values)
 * @param sql     for an expression: the condition a failing row meets
 */
public record Check(String source, String model, String name, String kind, List<String> columns, List<String> values, String sql) {
}
