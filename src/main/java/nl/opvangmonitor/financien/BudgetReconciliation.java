package nl.opvangmonitor.financien;

import nl.opvangmonitor.ingest.FileStatus;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_FILE;
import static nl.opvangmonitor.db.audit.Tables.BUDGET_RECONCILIATION;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;
import static org.jooq.impl.DSL.abs;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record15;
import org.jooq.Select;
import org.jooq.Table;

/**
 * After the files are loaded, compares every reported total with the sum of its parts, set-based,
 * for the finance files loaded since the last time (audit.budget_reconciliation):
 * <ul>
 *   <li>sum_of_parts: a (sub)total of a council table against the lines directly under it;</li>
 *   <li>saldo: a saldo line against the block totals above it (baten - lasten, +/- reserves);</li>
 *   <li>national_total: the 'Nederland' row of a CBS Iv3 file against the sum over its municipalities.</li>
 * </ul>
 * A difference of at most 1 (x € 1.000) per summed line is a rounding note: councils round every
 * figure on its own (4.871 + 2.333 = 7.204, published as 7.205). A larger one is an error. Neither
 * rejects a row or a file. The facts of deliveries superseded by a re-delivery are removed here too.
 */
final class BudgetReconciliation {

    private BudgetReconciliation() {
    }

    static void refresh(DSLContext t) {
        var superseded = select(LOAD_FILE.FILE_ID).from(LOAD_FILE).where(LOAD_FILE.STATUS.eq(FileStatus.SUPERSEDED.name()));
        t.deleteFrom(FCT_BUDGET).where(FCT_BUDGET.FILE_ID.in(superseded)).execute();
        t.deleteFrom(FCT_BUDGET_TOTAL).where(FCT_BUDGET_TOTAL.FILE_ID.in(superseded)).execute();
        t.deleteFrom(BUDGET_RECONCILIATION).where(BUDGET_RECONCILIATION.FILE_ID.in(superseded)).execute();

        List<Long> files = t.select(BUDGET_FILE.FILE_ID).from(BUDGET_FILE)
                .join(LOAD_FILE).on(LOAD_FILE.FILE_ID.eq(BUDGET_FILE.FILE_ID))
                .where(BUDGET_FILE.IS_RECONCILED.isFalse(), LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()))
                .fetch(BUDGET_FILE.FILE_ID);
        if (files.isEmpty()) {
            return;
        }
        t.deleteFrom(BUDGET_RECONCILIATION).where(BUDGET_RECONCILIATION.FILE_ID.in(files)).execute();
        sumOfParts(t, files);
        saldo(t, files);
        nationalTotals(t, files);
        t.update(BUDGET_FILE).set(BUDGET_FILE.IS_RECONCILED, true).where(BUDGET_FILE.FILE_ID.in(files)).execute();
    }

    /** Every line that is part of a reported total: file, amount column, parent row, signed amount. */
    private static Table<?> parts() {
        var details = select(FCT_BUDGET.FILE_ID, FCT_BUDGET.AMOUNT_COLUMN, FCT_BUDGET.PARENT_ROW_NUMBER,
                FCT_BUDGET.AMOUNT_KEUR.times(FCT_BUDGET.SIGN_IN_PARENT).as("part"))
                .from(FCT_BUDGET).where(FCT_BUDGET.PARENT_ROW_NUMBER.isNotNull());
        var subtotals = select(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.AMOUNT_COLUMN,
                FCT_BUDGET_TOTAL.PARENT_ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_KEUR.times(FCT_BUDGET_TOTAL.SIGN_IN_PARENT).as("part"))
                .from(FCT_BUDGET_TOTAL).where(FCT_BUDGET_TOTAL.PARENT_ROW_NUMBER.isNotNull());
        Table<?> p = details.unionAll(subtotals).asTable("p");
        Field<Long> file = p.field(FCT_BUDGET.FILE_ID.getName(), Long.class);
        Field<Integer> column = p.field(FCT_BUDGET.AMOUNT_COLUMN.getName(), Integer.class);
        Field<Integer> parent = p.field(FCT_BUDGET.PARENT_ROW_NUMBER.getName(), Integer.class);
        Field<BigDecimal> part = p.field("part", BigDecimal.class);
        return select(file.as("file_id"), column.as("amount_column"), parent.as("parent_row_number"),
                sum(part).as("parts"), count().as("n"))
                .from(p).groupBy(file, column, parent).asTable("s");
    }

    private static void sumOfParts(DSLContext t, List<Long> files) {
        Table<?> s = parts();
        Field<BigDecimal> parts = coalesce(s.field("parts", BigDecimal.class), BigDecimal.ZERO);
        Field<Integer> n = coalesce(s.field("n", Integer.class), 0);
        insert(t, select(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_COLUMN, inline("sum_of_parts"),
                FCT_BUDGET_TOTAL.CATEGORY_PATH, FCT_BUDGET_TOTAL.MUNICIPALITY_KEY, FCT_BUDGET_TOTAL.TASK_FIELD_CODE,
                FCT_BUDGET_TOTAL.VERSION_CODE, FCT_BUDGET_TOTAL.YEAR, FCT_BUDGET_TOTAL.AMOUNT_KEUR, parts,
                FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n, n.cast(BigDecimal.class), outcome(FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n))
                .from(FCT_BUDGET_TOTAL)
                .leftJoin(s).on(s.field("file_id", Long.class).eq(FCT_BUDGET_TOTAL.FILE_ID),
                        s.field("parent_row_number", Integer.class).eq(FCT_BUDGET_TOTAL.ROW_NUMBER),
                        s.field("amount_column", Integer.class).eq(FCT_BUDGET_TOTAL.AMOUNT_COLUMN))
                .where(FCT_BUDGET_TOTAL.FILE_ID.in(files), FCT_BUDGET_TOTAL.LINE_ROLE.eq("total"), FCT_BUDGET_TOTAL.MUNICIPALITY_KEY.isNotNull()));
    }

    /** A saldo line against the lines at the top of the blocks above it (block totals, or lines without one). */
    private static void saldo(DSLContext t, List<Long> files) {
        var details = select(FCT_BUDGET.FILE_ID, FCT_BUDGET.ROW_NUMBER, FCT_BUDGET.AMOUNT_COLUMN, FCT_BUDGET.SALDO_EFFECT_KEUR)
                .from(FCT_BUDGET).where(FCT_BUDGET.PARENT_ROW_NUMBER.isNull(), FCT_BUDGET.FILE_ID.in(files));
        var totals = select(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_COLUMN,
                FCT_BUDGET_TOTAL.SALDO_EFFECT_KEUR)
                .from(FCT_BUDGET_TOTAL)
                .where(FCT_BUDGET_TOTAL.PARENT_ROW_NUMBER.isNull(), FCT_BUDGET_TOTAL.LINE_ROLE.eq("total"), FCT_BUDGET_TOTAL.FILE_ID.in(files));
        Table<?> blocks = details.unionAll(totals).asTable("b");
        Field<Long> file = blocks.field(FCT_BUDGET.FILE_ID.getName(), Long.class);
        Field<Integer> row = blocks.field(FCT_BUDGET.ROW_NUMBER.getName(), Integer.class);
        Field<Integer> column = blocks.field(FCT_BUDGET.AMOUNT_COLUMN.getName(), Integer.class);
        Field<BigDecimal> effect = blocks.field(FCT_BUDGET.SALDO_EFFECT_KEUR.getName(), BigDecimal.class);
        Field<BigDecimal> parts = coalesce(sum(effect), BigDecimal.ZERO);
        Field<Integer> n = count(effect);
        insert(t, select(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_COLUMN, inline("saldo"),
                FCT_BUDGET_TOTAL.CATEGORY_PATH, FCT_BUDGET_TOTAL.MUNICIPALITY_KEY, FCT_BUDGET_TOTAL.TASK_FIELD_CODE,
                FCT_BUDGET_TOTAL.VERSION_CODE, FCT_BUDGET_TOTAL.YEAR, FCT_BUDGET_TOTAL.AMOUNT_KEUR, parts,
                FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n, n.cast(BigDecimal.class), outcome(FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n))
                .from(FCT_BUDGET_TOTAL)
                .leftJoin(blocks).on(file.eq(FCT_BUDGET_TOTAL.FILE_ID), column.eq(FCT_BUDGET_TOTAL.AMOUNT_COLUMN),
                        row.lt(FCT_BUDGET_TOTAL.ROW_NUMBER))
                .where(FCT_BUDGET_TOTAL.FILE_ID.in(files), FCT_BUDGET_TOTAL.LINE_ROLE.eq("saldo"))
                .groupBy(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_COLUMN, FCT_BUDGET_TOTAL.CATEGORY_PATH,
                        FCT_BUDGET_TOTAL.MUNICIPALITY_KEY, FCT_BUDGET_TOTAL.TASK_FIELD_CODE, FCT_BUDGET_TOTAL.VERSION_CODE,
                        FCT_BUDGET_TOTAL.YEAR, FCT_BUDGET_TOTAL.AMOUNT_KEUR));
    }

    /** The 'Nederland' row of an Iv3 file against the sum of the municipalities in the same file. */
    private static void nationalTotals(DSLContext t, List<Long> files) {
        Table<?> m = select(FCT_BUDGET.FILE_ID, FCT_BUDGET.TASK_FIELD_CODE, FCT_BUDGET.KIND, FCT_BUDGET.VERSION_CODE, FCT_BUDGET.YEAR,
                sum(FCT_BUDGET.AMOUNT_KEUR).as("parts"), count().as("n"))
                .from(FCT_BUDGET).where(FCT_BUDGET.FILE_ID.in(files), FCT_BUDGET.SOURCE.eq("cbs_iv3"))
                .groupBy(FCT_BUDGET.FILE_ID, FCT_BUDGET.TASK_FIELD_CODE, FCT_BUDGET.KIND, FCT_BUDGET.VERSION_CODE, FCT_BUDGET.YEAR)
                .asTable("m");
        Field<BigDecimal> parts = coalesce(m.field("parts", BigDecimal.class), BigDecimal.ZERO);
        Field<Integer> n = coalesce(m.field("n", Integer.class), 0);
        insert(t, select(FCT_BUDGET_TOTAL.FILE_ID, FCT_BUDGET_TOTAL.ROW_NUMBER, FCT_BUDGET_TOTAL.AMOUNT_COLUMN, inline("national_total"),
                FCT_BUDGET_TOTAL.CATEGORY_PATH, FCT_BUDGET_TOTAL.MUNICIPALITY_KEY, FCT_BUDGET_TOTAL.TASK_FIELD_CODE,
                FCT_BUDGET_TOTAL.VERSION_CODE, FCT_BUDGET_TOTAL.YEAR, FCT_BUDGET_TOTAL.AMOUNT_KEUR, parts,
                FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n, n.cast(BigDecimal.class), outcome(FCT_BUDGET_TOTAL.AMOUNT_KEUR.minus(parts), n))
                .from(FCT_BUDGET_TOTAL)
                .leftJoin(m).on(m.field(FCT_BUDGET.FILE_ID.getName(), Long.class).eq(FCT_BUDGET_TOTAL.FILE_ID),
                        m.field(FCT_BUDGET.TASK_FIELD_CODE.getName(), String.class).eq(FCT_BUDGET_TOTAL.TASK_FIELD_CODE),
                        m.field(FCT_BUDGET.KIND.getName(), String.class).eq(FCT_BUDGET_TOTAL.KIND),
                        m.field(FCT_BUDGET.VERSION_CODE.getName(), String.class).eq(FCT_BUDGET_TOTAL.VERSION_CODE),
                        m.field(FCT_BUDGET.YEAR.getName(), Integer.class).eq(FCT_BUDGET_TOTAL.YEAR))
                .where(FCT_BUDGET_TOTAL.FILE_ID.in(files), FCT_BUDGET_TOTAL.MUNICIPALITY_KEY.isNull()));
    }

    private static Field<String> outcome(Field<BigDecimal> difference, Field<Integer> parts) {
        return when(difference.eq(BigDecimal.ZERO), inline("equal"))
                .when(abs(difference).le(parts.cast(BigDecimal.class)), inline("rounding"))
                .otherwise(inline("error"));
    }

    /** The columns of audit.budget_reconciliation, in the order {@link #insert} writes them. */
    private static void insert(DSLContext t, Select<? extends Record15<Long, Integer, Integer, String, String, Integer, String, String,
            Integer, BigDecimal, BigDecimal, BigDecimal, Integer, BigDecimal, String>> checks) {
        t.insertInto(BUDGET_RECONCILIATION, BUDGET_RECONCILIATION.FILE_ID, BUDGET_RECONCILIATION.ROW_NUMBER,
                        BUDGET_RECONCILIATION.AMOUNT_COLUMN, BUDGET_RECONCILIATION.CHECK_KIND, BUDGET_RECONCILIATION.CATEGORY_PATH,
                        BUDGET_RECONCILIATION.MUNICIPALITY_KEY, BUDGET_RECONCILIATION.TASK_FIELD_CODE, BUDGET_RECONCILIATION.VERSION_CODE,
                        BUDGET_RECONCILIATION.YEAR, BUDGET_RECONCILIATION.REPORTED_KEUR, BUDGET_RECONCILIATION.PARTS_KEUR,
                        BUDGET_RECONCILIATION.DIFFERENCE_KEUR, BUDGET_RECONCILIATION.PARTS_COUNT, BUDGET_RECONCILIATION.TOLERANCE_KEUR,
                        BUDGET_RECONCILIATION.OUTCOME)
                .select(checks)
                .execute();
    }
}
