package nl.opvangmonitor.financien;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Texts read by a rule that is written once, in SQL, where finance needs the outcome in Java while it
 * recognises a council table's structure ({@link WideTable}): one query per file over the distinct
 * texts, bound as one array, never a Java copy of the rule.
 */
final class ReadInSql {

    private ReadInSql() {
    }

    /**
     * Runs {@code query}, which reads the texts of its one parameter ({@code unnest(?::VARCHAR[]) AS u(t)})
     * and selects each text and its value: text -> value, texts without a value left out.
     */
    static <T> Map<String, T> read(Connection connection, String query, Collection<String> texts, Class<T> type) throws SQLException {
        Set<String> distinct = new LinkedHashSet<>();
        texts.stream().filter(Objects::nonNull).forEach(distinct::add);
        Map<String, T> values = new HashMap<>();
        if (distinct.isEmpty()) {
            return values;
        }
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("VARCHAR", distinct.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    T value = rows.getObject(2, type);
                    if (value != null) {
                        values.put(rows.getString(1), value);
                    }
                }
            }
        }
        return values;
    }
}
