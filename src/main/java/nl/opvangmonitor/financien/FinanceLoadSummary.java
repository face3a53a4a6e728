package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.audit.Tables.BUDGET_FILE;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_RECONCILIATION;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;
import static org.jooq.impl.DSL.count;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.db.audit.tables.records.BudgetReconciliationRecord;
import org.jooq.DSLContext;

/**
 * The finance lines of the run summary: per finance file the layout found and its reconciliation
 * (totals checked, rounding notes and errors, each note named), and after the files the totals.
 */
class FinanceLoadSummary {

    static final int LISTED = 10;

    private final DSLContext dsl;
    private final BudgetReference reference;

    FinanceLoadSummary(DSLContext dsl, BudgetReference reference) {
        this.dsl = dsl;
        this.reference = reference;
    }

    List<String> fileNotes(long fileId) {
        var file = dsl.selectFrom(BUDGET_FILE).where(BUDGET_FILE.FILE_ID.eq(fileId)).fetchOne();
        if (file == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("finance: " + file.getDescription());
        if (file.getStructureNote() != null) {
            lines.add("structure: " + file.getStructureNote());
        }
        if (!file.getIsReconciled()) {
            return lines;
        }
        Map<String, Integer> outcomes = dsl.select(BUDGET_RECONCILIATION.OUTCOME, count()).from(BUDGET_RECONCILIATION)
                .where(BUDGET_RECONCILIATION.FILE_ID.eq(fileId)).groupBy(BUDGET_RECONCILIATION.OUTCOME)
                .fetchMap(BUDGET_RECONCILIATION.OUTCOME, count());
        int checked = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        if (checked == 0) {
            lines.add("reconciliation: no reported totals in this file");
            return lines;
        }
        int rounding = outcomes.getOrDefault("rounding", 0);
        int errors = outcomes.getOrDefault("error", 0);
        lines.add(String.format("reconciliation: %d reported totals checked: %d equal to the sum of their parts, %d rounding note%s, %d error%s",
                checked, outcomes.getOrDefault("equal", 0), rounding, rounding == 1 ? "" : "s", errors, errors == 1 ? "" : "s"));
        var notes = dsl.selectFrom(BUDGET_RECONCILIATION)
                .where(BUDGET_RECONCILIATION.FILE_ID.eq(fileId), BUDGET_RECONCILIATION.OUTCOME.ne("equal"))
                .orderBy(BUDGET_RECONCILIATION.OUTCOME, BUDGET_RECONCILIATION.ROW_NUMBER, BUDGET_RECONCILIATION.AMOUNT_COLUMN)
                .limit(LISTED + 1)
                .fetch();
        for (int i = 0; i < Math.min(LISTED, notes.size()); i++) {
            lines.add("  " + describe(notes.get(i)));
        }
        if (rounding + errors > LISTED) {
            lines.add("  ... " + (rounding + errors - LISTED) + " more in audit.budget_reconciliation where file_id = " + fileId);
        }
        return lines;
    }

    /** "rounding note row 5, Realisatie 2019, Baten exclusief reserves: 4.871 + 2.333 = 7.204, reported 7.205 (difference 1; tolerance 2)". */
    String describe(BudgetReconciliationRecord r) {
        String what = switch (r.getCheckKind()) {
            case "national_total" -> "Nederland " + r.getTaskFieldCode() + " " + r.getCategoryPath();
            default -> r.getCategoryPath();
        };
        String sum;
        if ("sum_of_parts".equals(r.getCheckKind()) && r.getPartsCount() <= 6) {
            List<BigDecimal> parts = new ArrayList<>();
            dsl.select(FCT_BUDGET.AMOUNT_KEUR.times(FCT_BUDGET.SIGN_IN_PARENT), FCT_BUDGET.ROW_NUMBER).from(FCT_BUDGET)
                    .where(FCT_BUDGET.FILE_ID.eq(r.getFileId()), FCT_BUDGET.PARENT_ROW_NUMBER.eq(r.getRowNumber()),
                            FCT_BUDGET.AMOUNT_COLUMN.eq(r.getAmountColumn()))
                    .unionAll(dsl.select(FCT_BUDGET_TOTAL.AMOUNT_KEUR.times(FCT_BUDGET_TOTAL.SIGN_IN_PARENT), FCT_BUDGET_TOTAL.ROW_NUMBER)
                            .from(FCT_BUDGET_TOTAL)
                            .where(FCT_BUDGET_TOTAL.FILE_ID.eq(r.getFileId()), FCT_BUDGET_TOTAL.PARENT_ROW_NUMBER.eq(r.getRowNumber()),
                                    FCT_BUDGET_TOTAL.AMOUNT_COLUMN.eq(r.getAmountColumn())))
                    .orderBy(org.jooq.impl.DSL.inline(2))
                    .forEach(p -> parts.add(p.value1()));
            StringBuilder s = new StringBuilder();
            for (BigDecimal p : parts) {
                if (!s.isEmpty()) {
                    s.append(p.signum() < 0 ? " - " : " + ");
                    s.append(amount(p.abs()));
                } else {
                    s.append(amount(p));
                }
            }
            sum = parts.isEmpty() ? "no line under it was loaded" : s + " = " + amount(r.getPartsKeur());
        } else {
            sum = "sum of " + r.getPartsCount() + " lines = " + amount(r.getPartsKeur());
        }
        return String.format("%s row %d, %s %d, %s: %s, reported %s (difference %s; tolerance %s)",
                "rounding".equals(r.getOutcome()) ? "rounding note" : "ERROR", r.getRowNumber(),
                reference.versionName(r.getVersionCode()), r.getYear(), what, sum, amount(r.getReportedKeur()),
                amount(r.getDifferenceKeur()), amount(r.getToleranceKeur()));
    }

    List<String> runNotes(long runId) {
        var files = dsl.select(LOAD_FILE.FILE_ID).from(LOAD_FILE).where(LOAD_FILE.RUN_ID.eq(runId));
        int financeFiles = dsl.fetchCount(BUDGET_FILE, BUDGET_FILE.FILE_ID.in(files));
        if (financeFiles == 0) {
            return List.of();
        }
        int details = dsl.fetchCount(FCT_BUDGET, FCT_BUDGET.FILE_ID.in(files));
        int totals = dsl.fetchCount(FCT_BUDGET_TOTAL, FCT_BUDGET_TOTAL.FILE_ID.in(files));
        Map<String, Integer> outcomes = dsl.select(BUDGET_RECONCILIATION.OUTCOME, count()).from(BUDGET_RECONCILIATION)
                .where(BUDGET_RECONCILIATION.FILE_ID.in(files)).groupBy(BUDGET_RECONCILIATION.OUTCOME)
                .fetchMap(BUDGET_RECONCILIATION.OUTCOME, count());
        return List.of(String.format("Budget: %d amounts of detail lines and %d reported totals loaded in this run from %d finance file%s; "
                        + "reconciliation: %d rounding note%s, %d error%s (audit.budget_reconciliation).",
                details, totals, financeFiles, financeFiles == 1 ? "" : "s",
                outcomes.getOrDefault("rounding", 0), outcomes.getOrDefault("rounding", 0) == 1 ? "" : "s",
                outcomes.getOrDefault("error", 0), outcomes.getOrDefault("error", 0) == 1 ? "" : "s"));
    }

    /** Thousands of euros as the council writes them: 7.205, -133.727, 48,5. */
    static String amount(BigDecimal value) {
        DecimalFormatSymbols dutch = new DecimalFormatSymbols();
        dutch.setGroupingSeparator('.');
        dutch.setDecimalSeparator(',');
        dutch.setMinusSign('-');
        return new DecimalFormat("#,##0.###", dutch).format(value);
    }
}
