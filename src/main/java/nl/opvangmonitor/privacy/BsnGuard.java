package nl.opvangmonitor.privacy;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.opvangmonitor.ingest.ScanScope;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.SourceModules;
import nl.opvangmonitor.db.audit.Audit;
import nl.opvangmonitor.db.core.Core;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Scans every text column of the warehouse's tables (core and audit) for values that look like a
 * BSN: nine digits, with or without separators (123456782, 123.456.782, 1234.56.782), standing
 * alone (not inside a longer code) and passing the elfproef. Pseudonym columns ({@code UHUGEINT},
 * 128 bits of a keyed hash) are scanned for a BSN stored as a number: a value below 10^9. It reports where,
 * never what: a finding names the table and column and how many values, not the values.
 */
public final class BsnGuard {

    /** A run of 9 digits with optional separators, not glued to letters or other digits. */
    static final String CANDIDATE = "(?:^|[^0-9A-Za-z])([0-9][0-9 .\\-]{7,12}[0-9])(?:[^0-9A-Za-z]|$)";

    private static final Pattern CANDIDATE_PATTERN = Pattern.compile(CANDIDATE);
    /** In serialised Java objects a string is glued to the marker of the next one (a letter): only digits count as glue. */
    private static final Pattern SERIALISED_CANDIDATE = Pattern.compile("(?<![0-9])([0-9][0-9 .\\-]{7,12}[0-9])(?![0-9])");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public record Finding(String table, String column, long values) {
    }

    private BsnGuard() {
    }

    /**
     * A full scope scans every row. An incremental one scans of a table with a file_id only the rows of
     * this run's files: the rows of earlier runs passed this guard when they were published and no
     * load rewrites their text (audit.load_file, whose old rows get new messages, is scanned whole).
     */
    public static List<Finding> scan(DSLContext warehouse, ScanScope.Scope scope) {
        return scan(warehouse, SourceModules.all(), scope);
    }

    /** Scans core, audit and every table the {@code modules} fill, wherever it is. */
    static List<Finding> scan(DSLContext warehouse, List<SourceModule> modules, ScanScope.Scope scope) {
        // plain statements: DuckDB runs these scans about twice as fast as prepared ones
        DSLContext dsl = DSL.using(warehouse.configuration().derive(new Settings().withStatementType(StatementType.STATIC_STATEMENT)));
        // every table of core and audit, and the tables the source modules fill wherever they are
        Set<Table<?>> tables = new LinkedHashSet<>(Core.CORE.getTables());
        tables.addAll(Audit.AUDIT.getTables());
        modules.forEach(m -> tables.addAll(m.factTables()));
        List<Finding> findings = new ArrayList<>();
        // how often a candidate is stored: the pattern runs once per distinct value
        Field<Long> times = DSL.count().cast(SQLDataType.BIGINT).as("times");
        for (Table<?> table : tables) {
            if (table.getTableType().isView()) {
                continue;
            }
            for (Field<?> column : table.fields()) {
                Select<Record2<String, Long>> candidates;
                if (String.class.equals(column.getType())) {
                    @SuppressWarnings("unchecked")
                    Field<String> text = (Field<String>) column;
                    // the pattern once per distinct value, with how often it occurs: a column of a hundred facility
                    // names in ten million nights is matched a hundred times, not ten million
                    Field<String> value = field(name("value"), String.class);
                    candidates = dsl.select(field("unnest(regexp_extract_all({0}, {1}, 1))", String.class, value, inline(CANDIDATE)),
                                    field(name("times"), Long.class))
                            .from(dsl.select(text.as(value), times).from(table).where(mayHoldCandidate(text), rowsToScan(table, scope))
                                    .groupBy(text));
                } else if (Pseudonymizer.SQL_TYPE.equalsIgnoreCase(column.getDataType().getTypeName())) {
                    // a pseudonym column holds 128-bit numbers: a raw BSN stored there as a number would be below 10^9
                    Field<String> padded = field("lpad(CAST({0} AS VARCHAR), 9, '0')", String.class, column);
                    candidates = dsl.select(padded, times).from(table)
                            .where(DSL.condition("{0} < {1}", column, inline(1_000_000_000L)), rowsToScan(table, scope)).groupBy(padded);
                } else {
                    continue;
                }
                long found = candidates.fetch().stream().filter(r -> isBsn(r.value1())).mapToLong(Record2::value2).sum();
                if (found > 0) {
                    findings.add(new Finding(table.getSchema().getName() + "." + table.getName(), column.getName(), found));
                }
            }
        }
        return findings;
    }

    private static Condition rowsToScan(Table<?> table, ScanScope.Scope scope) {
        Field<Long> fileId = table.field("file_id", Long.class);
        return scope.full() || fileId == null || table.equals(LOAD_FILE) ? DSL.noCondition() : scope.ownFiles(fileId);
    }

    /**
     * Scans every text value of the job repository (Spring Batch's tables: exit messages, and the
     * execution contexts, which it stores serialised in Base64) the same way. A finding names the
     * table and column.
     */
    public static List<Finding> scanJobRepository(DataSource jobRepository) {
        List<Finding> findings = new ArrayList<>();
        try (Connection c = jobRepository.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "BATCH_%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    var meta = rs.getMetaData();
                    long[] found = new long[meta.getColumnCount() + 1];
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof String text) {
                                found[i] += countBsns(CANDIDATE_PATTERN, text) + countBsns(SERIALISED_CANDIDATE, decodedBase64(text));
                            }
                        }
                    }
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (found[i] > 0) {
                            findings.add(new Finding("job repository " + table.toLowerCase(Locale.ROOT), meta.getColumnName(i).toLowerCase(Locale.ROOT), found[i]));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new SafeMessage.SafeFailure("the BSN guard cannot read the job repository: " + SafeMessage.of(e));
        }
        return findings;
    }

    private static long countBsns(Pattern candidate, String text) {
        if (text == null) {
            return 0;
        }
        return candidate.matcher(text).results().map(m -> m.group(1)).filter(BsnGuard::isBsn).count();
    }

    private static String decodedBase64(String text) {
        if (text.length() < 12 || text.length() % 4 != 0 || !BASE64.matcher(text).matches()) {
            return null;
        }
        return new String(Base64.getDecoder().decode(text), StandardCharsets.ISO_8859_1);
    }

    /**
     * A cheap test before the pattern. A candidate is at least 9 characters and needs a boundary on
     * both sides, so a value of letters and digits only can hold one only when the whole value is one
     * (9 to 14 characters). Short codes and long ones (64 letters and digits) are passed over without
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
