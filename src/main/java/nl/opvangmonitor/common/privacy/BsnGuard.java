package nl.opvangmonitor.common.privacy;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.db.audit.Audit;
import nl.opvangmonitor.db.core.Core;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * Scans every text column of the warehouse's tables (core and audit) for values that look like a
 * BSN: nine digits, with or without separators (123456782, 123.456.782, 1234.56.782), standing
 * alone (not inside a longer code such as a pseudonym) and passing the elfproef. It reports where,
 * never what: a finding names the table and column and how many values, not the values.
 */
public final class BsnGuard {

    /** A run of 9 digits with optional separators, not glued to letters or other digits. */
    static final String CANDIDATE = "(?:^|[^0-9A-Za-z])([0-9][0-9 .\\-]{7,12}[0-9])(?:[^0-9A-Za-z]|$)";

    public record Finding(String table, String column, long values) {
    }

    private BsnGuard() {
    }

    public static List<Finding> scan(DSLContext warehouse) {
        // plain statements: DuckDB runs these scans about twice as fast as prepared ones
        DSLContext dsl = DSL.using(warehouse.configuration().derive(new Settings().withStatementType(StatementType.STATIC_STATEMENT)));
        List<Table<?>> tables = new ArrayList<>(Core.CORE.getTables());
        tables.addAll(Audit.AUDIT.getTables());
        List<Finding> findings = new ArrayList<>();
        for (Table<?> table : tables) {
            if (table.getTableType().isView()) {
                continue;
            }
            for (Field<?> column : table.fields()) {
                if (!String.class.equals(column.getType())) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Field<String> text = (Field<String>) column;
                long found = dsl.select(field(name("candidate"), String.class))
                        .from(dsl.select(field("unnest(regexp_extract_all({0}, {1}, 1))", String.class, text, inline(CANDIDATE)).as("candidate"))
                                .from(table).where(mayHoldCandidate(text)))
                        .fetch(0, String.class).stream()
                        .filter(BsnGuard::isBsn)
                        .count();
                if (found > 0) {
                    findings.add(new Finding(table.getSchema().getName() + "." + table.getName(), column.getName(), found));
                }
            }
        }
        return findings;
    }

    /**
     * A cheap test before the pattern. A candidate is at least 9 characters and needs a boundary on
     * both sides, so a value of letters and digits only can hold one only when the whole value is one
     * (9 to 14 characters). Short codes and pseudonyms (64 letters and digits) are passed over without
     * running the pattern.
     */
    static Condition mayHoldCandidate(Field<String> text) {
        return DSL.length(text).ge(inline(9)).and(DSL.length(text).le(inline(14))
                .or(DSL.condition("regexp_matches({0}, {1})", text, inline("[^0-9A-Za-z]"))));
    }

    /** Nine digits (separators ignored) that pass the elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11. */
    public static boolean isBsn(String text) {
        String digits = text.replaceAll("[ .\\-]", "");
        if (!digits.matches("[0-9]{9}") || digits.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
