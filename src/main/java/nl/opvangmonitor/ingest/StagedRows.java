package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.core.Tables.DIM_INDICATOR;
import static nl.opvangmonitor.db.core.Tables.V_AREA_SPELLING;
import static nl.opvangmonitor.db.core.Tables.V_MUNICIPALITY_SPELLING;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.db.core.tables.DimIndicator;
import nl.opvangmonitor.db.core.tables.VAreaSpelling;
import nl.opvangmonitor.db.core.tables.VMunicipalitySpelling;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The rules of a set-based source, written once with jOOQ against the staging table of a delivered
 * file (alias {@value #ALIAS}; every column VARCHAR, trimmed, empty = NULL, identifiers already
 * pseudonymised). Conversions are computed once per distinct value of a column in an inner query;
 * checks and facts read them. Every accessor returns the converted value as a field (NULL when the text does
 * not convert) and records the checks that reject a row, each with its column, the offending value
 * (masked for identifier columns) and the reason in plain words. The notations (Dutch numbers, targets)
 * are the SQL macros of {@code R__58_core_notation}, municipalities and areas the views of {@code R__59}:
 * each rule is written once, here or there.
 */
public final class StagedRows {

    public static final String ALIAS = "s";
    /** What a reject shows of a value of an identifier column. */
    public static final String MASKED = "<masked>";
    /** The range of core.dim_date: a date or year outside it is almost always a typo (2109 for 2019). */
    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2040, 12, 31);
    static final String SUPPORTED_RANGE = "the supported range " + FIRST_DATE.getYear() + "-" + LAST_DATE.getYear();

    static final String ISO_DATE = "\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?";
    static final String DUTCH_DATE = "\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}([ T].*)?";
    private static final List<String> YES = List.of("ja", "j", "yes", "y", "true", "waar", "1");
    private static final List<String> NO = List.of("nee", "n", "no", "false", "onwaar", "0");

    /** A target in council notation: its operator (NULL when none is set), value and upper bound of a range. */
    public record Target(Field<String> operator, Field<BigDecimal> value, Field<BigDecimal> upper) {
    }

    /** One rule: rows for which {@code when} holds are rejected with this column, value and reason. */
    record Check(Condition when, Field<String> column, Field<String> value, Field<String> reason) {
    }

    /** A reference table joined (left) to the distinct values of a column. */
    record Lookup(Table<?> table, Condition on) {
    }

    private final Set<String> columns;
    private final Set<String> identifierColumns;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, List<Field<?>>> conversions = new LinkedHashMap<>();
    private final Map<String, List<Lookup>> lookups = new LinkedHashMap<>();
    /** The column each per-value conversion reads, so that a value too wide for its fact column is shown as delivered. */
    private final Map<String, String> origins = new LinkedHashMap<>();
    /** Per column, the rules evaluated once per distinct value (alias of their outcome -> condition). */
    private final Map<String, Map<String, Condition>> valueChecks = new LinkedHashMap<>();
    /** Each field returned by {@link #perValue}, by identity, with the conversion behind it. */
    private final Map<Field<?>, Field<?>> perValueConversions = new IdentityHashMap<>();
    /** Conversions only the per-value rules read: not carried to the rows. */
    private final Set<String> valueOnly = new LinkedHashSet<>();
    /** Values computed once per row on top of the parsing query ({@link #perRow}). */
    private final List<Field<?>> perRow = new ArrayList<>();
    private int converted;
    private int valueRules;
    private String keyColumn;
    private static final String FIRST_ROW_OF_KEY = "first_row_of_key";
    private static final String REPEATS = "repeats_of_key";
    private static final String REPEATED_KEY = "repeated_key";
    private static final String DELIVERED = "as_delivered";

    StagedRows(Set<String> columns, Set<String> identifierColumns) {
        this.columns = columns;
        this.identifierColumns = identifierColumns;
    }

    List<Check> checks() {
        return checks;
    }

    /** The columns converted or checked once per distinct value. */
    Set<String> perValueColumns() {
        Set<String> perValue = new LinkedHashSet<>(conversions.keySet());
        perValue.addAll(valueChecks.keySet());
        return perValue;
    }

    /** The column of the natural key (null when none): it is grouped per row, so it is staged trimmed. */
    String keyColumn() {
        return keyColumn;
    }

    /**
     * Registers a conversion of one column's text (written against {@link #text}) and returns its
     * reference for the checks and facts. It is computed once per distinct text of the column, not once
     * per row: most columns hold a few hundred different values in a million rows, and the patterns of
     * Dutch dates, numbers and names are what costs. NULL text must convert to NULL.
     */
    public <T> Field<T> perValue(String column, Field<T> conversion) {
        String alias = "p" + converted++;
        conversions.computeIfAbsent(column, c -> new ArrayList<>()).add(conversion.as(alias));
        origins.put(alias, column);
        Field<T> converted = field(DSL.name(ALIAS, alias), conversion.getDataType());
        perValueConversions.put(converted, conversion);
        return converted;
    }

    /**
     * A value derived from several columns once per row, on top of the parsing query, and read by name. What reads it
     * then depends on that one column: a look-up subquery in a reference table runs once per distinct value of it
     * (DuckDB decorrelates a subquery on the columns it reads), not once per distinct combination of the columns the
     * value is made of (an age: a hundred ages, two hundred thousand pairs of birth year and start date). To find those
     * values DuckDB still keeps a copy of every row of the file; a small reference is cheaper as a value built once per
     * statement, as the age band of a stay is ({@code OpvangRules.ageGroup}).
     */
    public <T> Field<T> perRow(Field<T> expression) {
        String alias = "d" + perRow.size();
        perRow.add(expression.as(alias));
        return field(DSL.name(ALIAS, alias), expression.getDataType());
    }

    /** A conversion that only per-value rules ({@link #rejectValue}) read: computed per distinct value, not carried to the rows. */
    private <T> Field<T> perValueOnly(String column, Field<T> conversion) {
        Field<T> converted = perValue(column, conversion);
        valueOnly.add(converted.getName());
        return converted;
    }

    /**
     * A rule that reads only one column: its text ({@link #text}) and the conversions of that column
     * ({@link #perValue}). It is evaluated once per distinct value of the column, beside the conversions,
     * and each row reads the outcome; a rule over several columns is a {@link #reject}. A NULL text never
     * breaks such a rule (an empty cell is {@code requiredText}'s concern). A rule that reads another column
     * fails the file (DuckDB cannot bind it among one column's values), never silently.
     */
    public void rejectValue(String column, Condition when, Field<String> value, String reason) {
        rejectValue(column, when, value, inline(reason));
    }

    public void rejectValue(String column, Condition when, Field<String> value, Field<String> reason) {
        String alias = "k" + valueRules++;
        valueChecks.computeIfAbsent(column, c -> new LinkedHashMap<>()).put(alias, when);
        reject(DSL.condition(field(DSL.name(ALIAS, alias), SQLDataType.BOOLEAN)), column, value, reason);
    }

    /**
     * Computes, per converted column, the column's distinct values with their conversions and rules into a
     * small temporary table, and returns the staging table joined to them. Kept as tables (not subqueries)
     * so that DuckDB knows how few rows they hold and builds its hash tables on them, not on the file; the
     * join is not stored: the checks and the facts each read it once, which costs less than writing every
     * converted row to a table and reading it back.
     *
     * @param untrimmed columns staged as delivered: trimmed here, once per distinct value
     * @param tables    the temporary tables made, to be dropped by the caller (also when this fails half-way)
     * @return the query the checks and facts read (alias {@value #ALIAS}), with the values of {@link #perRow} on top
     */
    Select<Record> parsing(DSLContext dsl, Name stagingTable, Field<Integer> rowNumber, Condition dataRow, Set<String> untrimmed,
                           List<Name> tables) {
        Map<String, Field<?>> texts = new LinkedHashMap<>();
        for (String column : columns) {
            texts.put(column, field(DSL.name(ALIAS, column)));
        }
        List<Field<?>> select = new ArrayList<>();
        Table<?> from = DSL.table(stagingTable).as(ALIAS);
        for (String column : perValueColumns()) {
            String values = "values_" + column;
            Field<String> staged = field(DSL.name(column), SQLDataType.VARCHAR);
            Table<?> distinct = dsl.selectDistinct(staged).from(DSL.table(stagingTable)).asTable(ALIAS);
            String key = column;
            List<SelectFieldOrAsterisk> converting = new ArrayList<>();
            if (untrimmed.contains(column)) {
                // the rules read the trimmed text by the column's name; the rows find it by the text as delivered
                key = DELIVERED;
                distinct = dsl.select(field(DSL.name(ALIAS, column)).as(DELIVERED), Staging.trimmed(field(DSL.name(ALIAS, column), SQLDataType.VARCHAR))
                        .as(column)).from(distinct).asTable(ALIAS);
                texts.put(column, field(DSL.name(values, column)).as(column));
                converting.add(field(DSL.name(ALIAS, DELIVERED)));
            }
            converting.add(field(DSL.name(ALIAS, column)));
            converting.addAll(conversions.getOrDefault(column, List.of()));
            SelectJoinStep<Record> perValue = dsl.select(converting).from(distinct);
            for (Lookup lookup : lookups.getOrDefault(column, List.of())) {
                perValue = perValue.leftJoin(lookup.table()).on(lookup.on());
            }
            Map<String, Condition> rules = valueChecks.getOrDefault(column, Map.of());
            Select<Record> valuesQuery = perValue;
            if (!rules.isEmpty()) {
                // the column's rules read its text and conversions by the same names, one level up
                List<SelectFieldOrAsterisk> outcomes = new ArrayList<>(List.of(DSL.asterisk()));
                rules.forEach((alias, rule) -> outcomes.add(DSL.field(rule).as(alias)));
                valuesQuery = dsl.select(outcomes).from(perValue.asTable(ALIAS));
            }
            Name valuesTable = DSL.name(stagingTable.last() + "_v" + tables.size());
            tables.add(valuesTable);
            dsl.execute("CREATE TEMP TABLE {0} AS {1}", valuesTable, valuesQuery);
            for (Field<?> conversion : conversions.getOrDefault(column, List.of())) {
                if (!valueOnly.contains(conversion.getName())) {
                    select.add(field(DSL.name(values, conversion.getName())).as(conversion.getName()));
                }
            }
            rules.keySet().forEach(alias -> select.add(field(DSL.name(values, alias)).as(alias)));
            from = from.leftJoin(DSL.table(valuesTable).as(values)).on(field(DSL.name(values, key), SQLDataType.VARCHAR)
                    .eq(field(DSL.name(ALIAS, column), SQLDataType.VARCHAR)));
        }
        select.addAll(0, texts.values());
        select.add(texts.size(), rowNumber.as("row_number"));
        if (keyColumn != null) {
            // only the keys that repeat, with their first row: a grouping of the file's keys, joined back (most keys
            // are unique, and a window over every row of the file sorts them all)
            Field<String> key = field(DSL.name(ALIAS, keyColumn), SQLDataType.VARCHAR);
            Name repeatsTable = DSL.name(stagingTable.last() + "_" + REPEATS);
            tables.add(repeatsTable);
            dsl.execute("CREATE TEMP TABLE {0} AS {1}", repeatsTable, dsl.select(key.as(REPEATED_KEY), DSL.min(rowNumber).as(FIRST_ROW_OF_KEY))
                    .from(DSL.table(stagingTable).as(ALIAS)).where(dataRow, key.isNotNull())
                    .groupBy(key).having(DSL.count().gt(1)));
            select.add(field(DSL.name(REPEATS, FIRST_ROW_OF_KEY)).as(FIRST_ROW_OF_KEY));
            from = from.leftJoin(DSL.table(repeatsTable).as(REPEATS)).on(field(DSL.name(REPEATS, REPEATED_KEY), SQLDataType.VARCHAR).eq(key));
        }
        SelectConditionStep<Record> parsed = dsl.select(select).from(from).where(dataRow);
        if (perRow.isEmpty()) {
            return parsed;
        }
        List<SelectFieldOrAsterisk> withDerived = new ArrayList<>(List.of(DSL.asterisk()));
        withDerived.addAll(perRow);
        return dsl.select(withDerived).from(parsed.asTable(ALIAS));
    }

    /**
     * A natural key: a row repeating the key of an earlier row of the same file is rejected with the
     * row of the first (the keys that repeat are found once, in the parsing query).
     */
    void uniqueKey(String column) {
        keyColumn = column;
        Field<Integer> first = field(DSL.name(ALIAS, FIRST_ROW_OF_KEY), SQLDataType.INTEGER);
        reject(first.lt(field(DSL.name(ALIAS, "row_number"), SQLDataType.INTEGER)), column, text(column),
                inline(column + " repeats the one on row ").concat(first.cast(SQLDataType.VARCHAR)).concat(inline(" of this file")));
    }

    /** The staged text of a column (trimmed; NULL when empty or absent from the export). */
    public Field<String> text(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("no column " + column + " in this source; its columns are " + columns);
        }
        return field(DSL.name(ALIAS, column), SQLDataType.VARCHAR);
    }

    public Field<String> requiredText(String column) {
        Field<String> text = text(column);
        requireValue(column, text, true);
        return text;
    }

    /** A date (dd-mm-jjjj, d-m-jjjj with - / or ., or jjjj-mm-dd; a time after it is ignored) within 2000-2040. */
    public Field<LocalDate> date(String column, boolean required) {
        Field<String> text = text(column);
        requireValue(column, text, required);
        // the bulk of every export: dd-mm-jjjj or jjjj-mm-dd of exactly ten characters; the patterns only for the rest
        Field<LocalDate> fast = field("CASE WHEN length({0}) = 10 AND {0}[3] = '-' AND {0}[6] = '-' THEN try_strptime({0}, '%d-%m-%Y')"
                + " WHEN length({0}) = 10 AND {0}[5] = '-' AND {0}[8] = '-' THEN try_strptime({0}, '%Y-%m-%d') END", SQLDataType.LOCALDATE, text);
        Field<String[]> parts = field("regexp_split_to_array(regexp_replace({0}, {1}, ''), {2})",
                SQLDataType.VARCHAR.array(), text, inline("[ T].*$"), inline("[-/.]"));
        Field<LocalDate> slow = field("CASE WHEN {1} THEN try_strptime({3}[1] || '-' || {3}[2] || '-' || {3}[3], '%Y-%m-%d')"
                        + " WHEN {2} THEN try_strptime({3}[3] || '-' || {3}[2] || '-' || {3}[1], '%Y-%m-%d') END",
                SQLDataType.LOCALDATE, text, matches(text, ISO_DATE), matches(text, DUTCH_DATE), parts);
        Field<LocalDate> parsed = perValue(column, DSL.coalesce(fast, slow).cast(SQLDataType.LOCALDATE));
        Condition shaped = isTrue(matches(text, ISO_DATE)).or(isTrue(matches(text, DUTCH_DATE)));
        rejectValue(column, text.isNotNull().and(parsed.isNull()).andNot(shaped), text,
                quoted(text).concat(inline("' is not a date (expected dd-mm-jjjj or jjjj-mm-dd)")));
        rejectValue(column, text.isNotNull().and(parsed.isNull()).and(shaped), text, quoted(text).concat(inline("' is not an existing date")));
        Condition inRange = parsed.between(inline(FIRST_DATE), inline(LAST_DATE));
        rejectValue(column, parsed.isNotNull().andNot(inRange), text, inline("date outside " + SUPPORTED_RANGE));
        return DSL.when(inRange, parsed);
    }

    /** A year within the range of the date dimension (2000-2040). */
    public Field<Integer> year(String column) {
        Field<Integer> year = wholeNumber(column, true);
        Condition inRange = year.between(inline(FIRST_DATE.getYear()), inline(LAST_DATE.getYear()));
        rejectValue(column, year.isNotNull().andNot(inRange), text(column), "year outside " + SUPPORTED_RANGE);
        return DSL.when(inRange, year);
    }

    /** A number as Dutch exports write it (macro core.dutch_number). */
    public Field<BigDecimal> number(String column, boolean required) {
        return number(column, required, false);
    }

    /**
     * The number of a column, rejected when it is not one. Its type, DECIMAL(38, 10), is slow to compute with per
     * row (DuckDB's 128-bit arithmetic): whatever a rule derives from it is best derived per value too.
     */
    private Field<BigDecimal> number(String column, boolean required, boolean valueOnly) {
        Field<String> text = text(column);
        requireValue(column, text, required);
        Field<BigDecimal> value = valueOnly ? perValueOnly(column, dutchNumber(text)) : perValue(column, dutchNumber(text));
        rejectValue(column, text.isNotNull().and(value.isNull()), text, parseReason(column, quoted(text).concat(inline("' is not a number"))));
        return value;
    }

    /** A whole number; {@code 3,0} is accepted, {@code 2,5} is not. Converted per distinct value, as an INTEGER. */
    public Field<Integer> wholeNumber(String column, boolean required) {
        Field<String> text = text(column);
        Field<BigDecimal> number = number(column, required, true);
        Field<BigDecimal> value = dutchNumber(text);
        Condition whole = value.eq(field("trunc({0})", SQLDataType.DECIMAL(38, 10), value))
                .and(value.between(inline(BigDecimal.valueOf(Integer.MIN_VALUE)), inline(BigDecimal.valueOf(Integer.MAX_VALUE))));
        Field<Integer> integer = perValue(column, DSL.when(whole, value.cast(SQLDataType.INTEGER)));
        rejectValue(column, number.isNotNull().and(integer.isNull()), text,
                parseReason(column, quoted(text).concat(inline("' is not a whole number"))));
        return integer;
    }

    /** ja/nee in any case; j/n, yes/no, true/false, waar/onwaar and 1/0 too. */
    public Field<Boolean> yesNo(String column, boolean required) {
        Field<String> text = text(column);
        requireValue(column, text, required);
        Field<String> lower = DSL.lower(text);
        Field<Boolean> value = perValue(column, DSL.when(lower.in(YES.stream().map(DSL::inline).toList()), inline(true))
                .when(lower.in(NO.stream().map(DSL::inline).toList()), inline(false)));
        rejectValue(column, text.isNotNull().and(value.isNull()), text, parseReason(column, quoted(text).concat(inline("' is not ja or nee"))));
        return value;
    }

    /** The key of a municipality written any way core.v_municipality_spelling knows (GM0599, 0599, 599, its name, an alias). */
    public Field<Integer> municipality(String column, boolean required) {
        Field<String> text = text(column);
        requireValue(column, text, required);
        Field<Integer> key = municipalityKey(column);
        rejectValue(column, text.isNotNull().and(key.isNull()), text, inline("unknown gemeente: not a CBS code or name of a known municipality"));
        return key;
    }

    /** The key of the municipality a column writes, as {@link #municipality}, unchecked: NULL when unknown or empty. */
    public Field<Integer> municipalityKey(String column) {
        VMunicipalitySpelling spelling = V_MUNICIPALITY_SPELLING.as("lookup_" + column);
        return lookup(column, spelling, spelling.SPELLING.eq(municipalitySpelling(text(column))), spelling.MUNICIPALITY_KEY);
    }

    /** The code of a municipality (GM0599) or region written any way core.v_area_spelling knows. */
    public Field<String> area(String column) {
        Field<String> text = text(column);
        requireValue(column, text, true);
        VAreaSpelling spelling = V_AREA_SPELLING.as("area_" + column);
        Field<String> code = lookup(column, spelling, spelling.SPELLING.eq(municipalitySpelling(text)), spelling.AREA_CODE);
        rejectValue(column, text.isNotNull().and(code.isNull()), text, "unknown gemeente or region");
        return code;
    }

    /** The indicator code of a column, in lower case as the catalog (core.dim_indicator) writes it. */
    public Field<String> indicatorCode(String column) {
        return perValue(column, DSL.lower(text(column)));
    }

    /** Whether higher values of the indicator a column names are better; NULL when it is not in the catalog. */
    public Field<Boolean> higherIsBetter(String column) {
        DimIndicator indicator = DIM_INDICATOR.as("indicator_" + column);
        return lookup(column, indicator, indicator.INDICATOR_CODE.eq(DSL.lower(text(column))),
                indicator.DIRECTION.eq(inline("higher_is_better")));
    }

    /**
     * A target in council notation (macros core.target_*): rejected where {@code applies} holds and the
     * text is not a target; a bare number reads as at least where higher is better (or the indicator
     * is unknown), at most where lower is better.
     */
    public Target target(String column, Field<Boolean> higherIsBetter, Condition applies) {
        Field<String> text = text(column);
        Field<Boolean> isTarget = perValue(column, field("core.is_target({0})", SQLDataType.BOOLEAN, text));
        reject(applies.and(text.isNotNull()).and(isTarget.isFalse()), column, text,
                quoted(text).concat(inline("' is not a target (expected e.g. >55%, <200, 0 or **)")));
        Field<BigDecimal> value = perValue(column, field("core.target_value({0})", SQLDataType.DECIMAL(38, 10), text));
        Field<String> written = perValue(column, field("core.target_written_operator({0})", SQLDataType.VARCHAR, text));
        return new Target(field("core.target_operator({0}, {1}, {2})", SQLDataType.VARCHAR, written, value, higherIsBetter), value,
                perValue(column, field("core.target_upper({0})", SQLDataType.DECIMAL(38, 10), text)));
    }

    /**
     * A value looked up in reference data per distinct text of a column: {@code table} (aliased for this
     * column) left-joined on {@code on}, which reads the column through {@link #text}; NULL when not found.
     */
    public <T> Field<T> lookup(String column, Table<?> table, Condition on, Field<T> value) {
        lookups.computeIfAbsent(column, c -> new ArrayList<>()).add(new Lookup(table, on));
        return perValue(column, value);
    }

    /** A municipality as the warehouse normalises it (macro core.municipality_spelling). */
    static Field<String> municipalitySpelling(Field<String> text) {
        return field("core.municipality_spelling({0})", SQLDataType.VARCHAR, text);
    }

    /** A code word: lower case, runs of spaces and dashes as one underscore ("Eigen woning" -> eigen_woning). */
    public Field<String> code(String column) {
        return perValue(column, code(text(column)));
    }

    public static Field<String> code(Field<String> text) {
        return field("regexp_replace(lower({0}), {1}, '_', 'g')", SQLDataType.VARCHAR, text, inline("[\\s-]+"));
    }

    /**
     * The bound every value needs to be stored in its fact column, taken from that column's type: a
     * value beyond it (99999,995 rounds to 100000.00, too wide for DECIMAL(7, 2)) is a rejected row with
     * its reason, never a failed write. The offending text is the staged column of the same name, else
     * the column the value was converted from, else the converted value. Returns the value to write: a
     * conversion of one column ({@link #perValue}) is checked and cast to the column's type once per
     * distinct value, not per row.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Field<?> fitsColumn(Field<?> target, Field<?> value) {
        // INTEGER values come from wholeNumber (bounded to INTEGER) or from keys; BIGINT, text and dates always fit
        var bound = ColumnBound.of(target);
        if (bound.isEmpty()) {
            return value;
        }
        Field<?> conversion = perValueConversions.get(value);
        if (conversion != null) {
            String column = origins.get(value.getName());
            Field<String> shown = text(column);
            Condition fits = DSL.abs(rounded(conversion, bound.get())).le(inline(bound.get().max()));
            rejectValue(column, DSL.not(fits), shown, quoted(shown).concat(inline(bound.get().reasonAfterValue(target.getName()))));
            return perValue(column, DSL.when(fits, conversion.cast((org.jooq.DataType) target.getDataType())));
        }
        String column = columns.contains(target.getName()) ? target.getName() : origins.get(value.getName());
        Field<String> shown = column != null ? text(column) : value.cast(SQLDataType.VARCHAR);
        reject(DSL.abs(rounded(value, bound.get())).gt(inline(bound.get().max())), column == null ? target.getName() : column, shown,
                quoted(shown).concat(inline(bound.get().reasonAfterValue(target.getName()))));
        return value;
    }

    /** Adds a rule that spans columns or is specific to a source. */
    public void reject(Condition when, String column, Field<String> value, String reason) {
        reject(when, column, value, inline(reason));
    }

    public void reject(Condition when, String column, Field<String> value, Field<String> reason) {
        Field<String> shown = identifierColumns.contains(column) ? DSL.when(value.isNotNull(), inline(MASKED)) : value;
        reject(when, inline(column), shown, reason);
    }

    /**
     * A rule whose column is named by the staged row itself (a council table's amount columns are headed
     * 'Realisatie 2023', 'Begroting 2024', ...); such a column holds no client identifiers.
     */
    public void reject(Condition when, Field<String> column, Field<String> value, Field<String> reason) {
        // a condition that is NULL (an unknown input) does not reject; it is left as it is, not wrapped in
        // coalesce, so that DuckDB evaluates its later terms (patterns) only for the rows its first terms select
        checks.add(new Check(when, column, value, reason));
    }

    /** A staged column of a type other than text (a source's own {@link Stager} stages typed columns). */
    public <T> Field<T> staged(String column, org.jooq.DataType<T> type) {
        text(column);
        return field(DSL.name(ALIAS, column), type);
    }

    /**
     * The value if it fits the fact column {@code target}, else NULL and the row rejected under the given
     * column with the text it was read from; for values whose column is not a staged column of that name.
     */
    public <T> Field<T> fitting(Field<T> value, Field<?> target, Field<String> column, Field<String> text) {
        var bound = ColumnBound.of(target);
        if (bound.isEmpty()) {
            return value;
        }
        Condition fits = DSL.abs(rounded(value, bound.get())).le(inline(bound.get().max()));
        reject(DSL.not(fits), column, text, quoted(text).concat(inline(bound.get().reasonAfterValue(target.getName()))));
        return DSL.when(fits, value);
    }

    private static Field<BigDecimal> rounded(Field<?> value, ColumnBound bound) {
        return field("round(CAST({0} AS DECIMAL(38, 10)), {1})", SQLDataType.DECIMAL(38, 10), value, inline(bound.scale()));
    }

    /** 'value' in quotes, as the reasons show it. */
    private static Field<String> quoted(Field<String> text) {
        return inline("'").concat(text);
    }

    private static Field<Boolean> matches(Field<String> text, String regex) {
        return field("regexp_full_match({0}, {1})", SQLDataType.BOOLEAN, text, inline(regex));
    }

    private void requireValue(String column, Field<String> text, boolean required) {
        if (required) {
            reject(text.isNull(), column, inline((String) null), "required value is empty");
        }
    }

    private Field<String> parseReason(String column, Field<String> reason) {
        return identifierColumns.contains(column) ? inline("not a valid value") : reason;
    }

    private static Condition isTrue(Field<Boolean> f) {
        return DSL.coalesce(f, inline(false)).isTrue();
    }

    /** A number as Dutch exports write it, NULL when the text is not one (macro core.dutch_number). */
    public static Field<BigDecimal> dutchNumber(Field<String> text) {
        return field("core.dutch_number({0})", SQLDataType.DECIMAL(38, 10), text);
    }
}
