package nl.opvangmonitor.financien;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import nl.opvangmonitor.privacy.PseudonymFunction;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The finance parsers and look-ups the rules need, as DuckDB scalar functions over text, the way
 * {@code opvang_pseudonym} is: each is written once, in Java, and used both while a council table's
 * structure is recognised and inside the set-based rules. NULL (or text that does not parse or is
 * not known) gives NULL.
 */
final class FinanceFunctions {

    static final String TASK_FIELD = "opvang_budget_task_field";
    static final String VERSION = "opvang_budget_version";

    private FinanceFunctions() {
    }

    /**
     * The reference data of the running load. A function lives as long as the database instance, which
     * may outlive the application context that registered it (tests open one warehouse file repeatedly).
     */
    private static volatile BudgetReference reference;

    static void ensureRegistered(Connection connection, BudgetReference current) throws SQLException {
        current.ensureLoaded(); // read before DuckDB calls in: the functions run inside a statement
        reference = current;
        register(connection, TASK_FIELD, text -> reference.taskField(text).map(BudgetReference.TaskField::code));
        register(connection, VERSION, text -> reference.versionCode(text));
    }

    /** The function applied to a text, typed. */
    static <T> Field<T> call(String function, Field<String> text, DataType<T> type) {
        Field<String> result = DSL.function(function, SQLDataType.VARCHAR, text);
        return type.getType() == String.class ? result.coerce(type) : result.cast(type);
    }

    private static void register(Connection connection, String name, Function<String, Optional<String>> function) throws SQLException {
        PseudonymFunction.register(connection, name, text -> text == null ? null
                : function.apply(text).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null));
    }
}
