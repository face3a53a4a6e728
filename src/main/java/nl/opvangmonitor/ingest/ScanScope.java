package nl.opvangmonitor.ingest;

import nl.opvangmonitor.cli.HistoryCommand;

import static nl.opvangmonitor.db.audit.Tables.AFFECTED_YEAR;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.RUN_SCAN;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Decides per load run whether the BSN guard and the indicator step scan all of history (a full run)
 * or only what this run added or superseded, and records the decision in audit.run_scan. Rows that a
 * run removes (superseded deliveries, replaced keys) leave their years in audit.affected_year before
 * they go, so that an incremental run recomputes those years too.
 */
public final class ScanScope {

    /** A run's decision: full, or only this run's files and the affected years. */
    public record Scope(long runId, boolean full, String reason) {

        /** This run's files: an incremental scan looks at the rows of these only. */
        public Condition ownFiles(Field<Long> fileId) {
            return fileId.in(DSL.select(LOAD_FILE.FILE_ID).from(LOAD_FILE).where(LOAD_FILE.RUN_ID.eq(inline(runId))));
        }
    }

    /** Per fact table the indicators count, as its module declares: the first and last date a row counts in. */
    private static Map<Table<?>, List<Field<LocalDate>>> years() {
        Map<Table<?>, List<Field<LocalDate>>> years = new LinkedHashMap<>();
        SourceModules.all().forEach(m -> years.putAll(m.countedDates()));
        return years;
    }

    private ScanScope() {
    }

    /**
     * Decides and records the scope of a run that starts now: full when {@code asked}, when no full scan is
     * recorded, when the last one is more than {@code fullAfterDays} old, or when this run applied migrations.
     */
    public static Scope decide(DSLContext dsl, long runId, boolean asked, int fullAfterDays, int migrations) {
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime lastFull = dsl.select(DSL.max(RUN_SCAN.DECIDED_AT)).from(RUN_SCAN).where(RUN_SCAN.IS_FULL_SCAN).fetchOne(0, LocalDateTime.class);
        String reason;
        if (asked) {
            reason = "asked for (opvangmonitor.full-checks=true)";
        } else if (lastFull == null) {
            reason = "no full scan recorded yet";
        } else if (lastFull.isBefore(now.minusDays(fullAfterDays))) {
            reason = "the last full scan (" + HistoryCommand.time(lastFull) + ") is more than " + fullAfterDays
                    + " days old (opvangmonitor.full-checks-after-days)";
        } else if (migrations > 0) {
            reason = "the schema changed (" + migrations + " migration(s) applied)";
        } else {
            reason = "last full scan " + HistoryCommand.time(lastFull);
        }
        boolean full = !reason.startsWith("last full scan");
        dsl.insertInto(RUN_SCAN, RUN_SCAN.RUN_ID, RUN_SCAN.IS_FULL_SCAN, RUN_SCAN.REASON, RUN_SCAN.DECIDED_AT)
                .values(runId, full, reason, now).execute();
        return new Scope(runId, full, reason);
    }

    /** The recorded decision of a run; a run without one (recorded before this existed) scans fully. */
    public static Scope of(DSLContext dsl, long runId) {
        return dsl.select(RUN_SCAN.IS_FULL_SCAN, RUN_SCAN.REASON).from(RUN_SCAN).where(RUN_SCAN.RUN_ID.eq(runId))
                .fetchOptional(r -> new Scope(runId, r.value1(), r.value2()))
                .orElse(new Scope(runId, true, "no decision recorded"));
    }

    /** Records the years the given rows of a fact table count in (nothing for a table no indicator counts). */
    public static void recordYears(DSLContext dsl, long runId, Table<?> table, Condition rows) {
        List<Field<LocalDate>> span = years().get(table);
        if (span != null) {
            recordYears(dsl, runId, DSL.select(span.get(0).as("first_date"), span.get(1).as("last_date")).from(table).where(rows));
        }
    }

    /** Records every year from first_date to last_date (last_date null: up to today; either order) of the given rows. */
    public static void recordYears(DSLContext dsl, long runId, Select<?> spans) {
        Field<Integer> year = DSL.field(DSL.name("year"), SQLDataType.INTEGER);
        var years = DSL.select(DSL.field("CAST(unnest(range(year(least(first_date, coalesce(last_date, current_date))), "
                + "year(greatest(first_date, coalesce(last_date, current_date))) + 1)) AS INTEGER)",
                SQLDataType.INTEGER).as(year)).from(spans.asTable("s"));
        dsl.insertInto(AFFECTED_YEAR, AFFECTED_YEAR.RUN_ID, AFFECTED_YEAR.YEAR)
                .select(DSL.selectDistinct(inline(runId), year).from(years.asTable("y")).where(year.isNotNull()))
                .execute();
    }

    /** The years an incremental run recomputed, for its summary. */
    public static String affectedYearsText(DSLContext dsl, long runId) {
        SortedSet<Integer> years = recorded(dsl, runId);
        return years.isEmpty() ? "no year" : "the years " + String.join(", ", years.stream().map(String::valueOf).toList());
    }

    /**
     * The years an incremental run recomputes: those of the rows its files added and of the rows it
     * removed, plus this year and the year of a week ago (ongoing stays are measured up to today).
     */
    public static SortedSet<Integer> affectedYears(DSLContext dsl, Scope scope) {
        years().forEach((table, span) -> recordYears(dsl, scope.runId(), table, scope.ownFiles(table.field("file_id", Long.class))));
        recordYears(dsl, scope.runId(), DSL.select(DSL.currentLocalDate().minus(7).as("first_date"), DSL.currentLocalDate().as("last_date")));
        return recorded(dsl, scope.runId());
    }

    private static SortedSet<Integer> recorded(DSLContext dsl, long runId) {
        return new TreeSet<>(dsl.selectDistinct(AFFECTED_YEAR.YEAR).from(AFFECTED_YEAR).where(AFFECTED_YEAR.RUN_ID.eq(runId)).fetch(AFFECTED_YEAR.YEAR));
    }
}
