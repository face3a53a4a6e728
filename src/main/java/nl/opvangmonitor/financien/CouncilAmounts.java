package nl.opvangmonitor.financien;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Amounts as council tables and the long layout write them, in thousands of euros: Dutch notation
 * ({@code 7.205}, {@code -23}, {@code −23}, {@code 48,5}, {@code € 1.234}), an accountant's
 * {@code (23)} for -23, and a lone dash ({@code -}, {@code –}) for nil. The rule is the SQL macro
 * {@code core.council_amount} (sql/views/R__58_core_notation.sql, built on {@code core.dutch_number});
 * the rules ({@link FinanceRules}) call it, and {@link WideTable} reads a table's amounts through it
 * while it recognises the table's structure. CBS Iv3 files write {@code 10127.0} (a decimal point, no
 * thousands separators); the rules read those.
 */
final class CouncilAmounts {

    static final DataType<BigDecimal> NUMBER = SQLDataType.DECIMAL(38, 10);

    /** The reason after the quoted text that is not an amount. */
    static final String NOT_AN_AMOUNT = "' is not an amount (x € 1.000, written as 7.205 or -23)";

    private static final String AMOUNTS = "SELECT t, core.council_amount(t) FROM unnest(?::VARCHAR[]) AS u(t)";

    private CouncilAmounts() {
    }

    /** The amount a text writes; NULL when the text is empty or not an amount. */
    static Field<BigDecimal> of(Field<String> text) {
        return DSL.field("core.council_amount({0})", NUMBER, text);
    }

    /** The amounts of texts, read in one query: text -> amount; texts that are no amount are left out. */
    static Map<String, BigDecimal> read(Connection connection, Collection<String> texts) throws SQLException {
        return ReadInSql.read(connection, AMOUNTS, texts, BigDecimal.class);
    }
}
