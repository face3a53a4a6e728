package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_SOURCE_LINE;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET;
import static nl.opvangmonitor.db.core.Tables.FCT_BUDGET_TOTAL;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.util.List;
import nl.opvangmonitor.ingest.Facts;
import nl.opvangmonitor.ingest.StagedRows;
import nl.opvangmonitor.financien.FinanceStager.Staged;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The rules of every finance layout, once, in SQL over the staging table of {@link FinanceStager} (a row
 * per amount of a line): what a council table's structure or an Iv3 file's name already says is taken as
 * staged; the long layout's gemeente, soort, versie and jaar and every amount are checked and converted
 * here. A line with any broken rule is rejected whole, each reason once. Writes core.budget_source_line
 * (a row per line: what the audit counts), the amounts of detail lines to core.fct_budget and those of
 * reported totals and saldo lines (and Iv3 'Nederland' rows) to core.fct_budget_total.
 */
final class FinanceRules {

    private static final DataType<BigDecimal> NUMBER = CouncilAmounts.NUMBER;
    private static final String EMPTY = "required value is empty";

    private FinanceRules() {
    }

    static List<Facts> facts(StagedRows r) {
        Field<String> layout = r.text(Staged.LAYOUT.column());
        Condition isLong = layout.eq(inline("long"));
        Condition isIv3 = layout.eq(inline("iv3"));
        Field<String> role = r.text(Staged.LINE_ROLE.column());
        Field<String> label = r.text(FinanceColumns.LABEL);
        Condition unassigned = role.eq(inline("unassigned"));
        r.reject(unassigned.and(label.isNull()), FinanceColumns.LABEL, label, "the line has amounts but no description");
        r.reject(unassigned.and(label.isNotNull()), FinanceColumns.LABEL, label, "cannot tell whether this line is baten, lasten or "
                + "reserves: it is not below a 'Baten …', 'Lasten …' or reserves line of the table");

        Field<Integer> municipality = DSL.coalesce(r.staged(Staged.MUNICIPALITY_KEY.column(), SQLDataType.INTEGER),
                municipality(r, Staged.GEMEENTE.column(), isLong, inline("unknown gemeente: not a municipality name or CBS code of "
                        + "core.dim_municipality")),
                municipality(r, Staged.GEMEENTEN.column(), isIv3.and(role.eq(inline("detail"))), inline("unknown gemeente: not a "
                        + "municipality name or CBS code of core.dim_municipality (municipalities of 2023 and earlier; a name spelt "
                        + "otherwise can be added to core.budget_municipality_alias)")));
        Field<String> programme = r.text(Staged.PROGRAMMA.column());
        Field<String> taskField = DSL.coalesce(r.staged(Staged.TASK_FIELD_CODE.column(), SQLDataType.VARCHAR), taskField(r, programme, isLong, isIv3));

        Field<String> kind = DSL.coalesce(r.staged(Staged.KIND.column(), SQLDataType.VARCHAR), longKind(r, isLong));
        Field<String> soort = r.perValue(Staged.SOORT.column(), DSL.lower(r.text(Staged.SOORT.column())));
        Field<String> categorie = r.text(Staged.CATEGORIE.column());
        Field<String> direction = soort.concat(inline(" ")).concat(DSL.coalesce(DSL.lower(categorie), inline("")));
        Condition intoReserve = matches(direction, ".*\\b(toevoeging|storting|dotatie)\\w*\\b.*");
        Condition fromReserve = matches(direction, ".*\\b(onttrekking|vrijval)\\w*\\b.*");
        r.reject(isLong.and(kind.eq(inline("reserves"))).andNot(intoReserve).andNot(fromReserve), Staged.CATEGORIE.column(), categorie,
                "for soort reserves, say in categorie (or soort) whether it is a toevoeging or an onttrekking: the one lowers the saldo, "
                        + "the other raises it");
        Field<Integer> longSign = DSL.when(kind.eq(inline("lasten")).or(kind.eq(inline("reserves")).and(intoReserve)), inline(-1))
                .otherwise(inline(1));
        Field<Integer> saldoSign = DSL.coalesce(r.staged(Staged.SALDO_SIGN.column(), SQLDataType.INTEGER), longSign);
        Field<String> path = DSL.coalesce(r.staged(Staged.CATEGORY_PATH.column(), SQLDataType.VARCHAR),
                DSL.when(categorie.isNull(), DSL.upper(DSL.substring(kind, 1, 1)).concat(DSL.substring(kind, 2)))
                        .otherwise(field("regexp_replace(regexp_replace({0}, '\\s*>\\s*', {1}, 'g'), '\\s+', ' ', 'g')", SQLDataType.VARCHAR,
                                categorie, inline(BudgetTree.SEPARATOR))));

        Field<String> version = DSL.coalesce(r.staged(Staged.VERSION_CODE.column(), SQLDataType.VARCHAR), longVersion(r, isLong));
        Field<Integer> year = DSL.coalesce(r.staged(Staged.YEAR.column(), SQLDataType.INTEGER), longYear(r, isLong));
        Field<BigDecimal> amount = amount(r, isIv3);
        Field<BigDecimal> saldoEffect = amount.times(saldoSign);

        Field<String> amountText = r.text(Staged.AMOUNT_TEXT.column());
        Field<String> source = DSL.when(isIv3, inline("cbs_iv3")).otherwise(inline("council"));
        Facts line = new Facts()
                .set(BUDGET_SOURCE_LINE.LAYOUT, layout)
                .set(BUDGET_SOURCE_LINE.LINE_ROLE, role)
                .set(BUDGET_SOURCE_LINE.LABEL, label)
                .set(BUDGET_SOURCE_LINE.AMOUNT_COUNT, r.staged(Staged.AMOUNT_COUNT.column(), SQLDataType.INTEGER))
                .where(r.staged(Staged.FIRST_OF_LINE.column(), SQLDataType.BOOLEAN).isTrue());
        Facts detail = new Facts()
                .set(FCT_BUDGET.AMOUNT_COLUMN, r.staged(Staged.AMOUNT_COLUMN.column(), SQLDataType.INTEGER))
                .set(FCT_BUDGET.SOURCE, source)
                .set(FCT_BUDGET.MUNICIPALITY_KEY, municipality)
                .set(FCT_BUDGET.PROGRAMME, programme)
                .set(FCT_BUDGET.TASK_FIELD_CODE, taskField)
                .set(FCT_BUDGET.CATEGORY_PATH, path)
                .set(FCT_BUDGET.KIND, kind)
                .set(FCT_BUDGET.VERSION_CODE, version)
                .set(FCT_BUDGET.YEAR, year)
                .set(FCT_BUDGET.AMOUNT_KEUR, amount)
                .set(FCT_BUDGET.SALDO_EFFECT_KEUR, saldoEffect)
                .set(FCT_BUDGET.PARENT_ROW_NUMBER, r.staged(Staged.PARENT_ROW.column(), SQLDataType.INTEGER))
                .set(FCT_BUDGET.SIGN_IN_PARENT, r.staged(Staged.SIGN_IN_PARENT.column(), SQLDataType.INTEGER));
        // reported totals and saldo lines: the same columns in core.fct_budget_total, and their role
        Facts total = detail.sameIn(FCT_BUDGET_TOTAL).set(FCT_BUDGET_TOTAL.LINE_ROLE, role)
                .where(amountText.isNotNull().and(role.in(inline("total"), inline("saldo"))));
        return List.of(line, detail.where(amountText.isNotNull().and(role.eq(inline("detail")))), total);
    }

    /** The key of a gemeente written in {@code column}, checked where {@code checked} holds. */
    private static Field<Integer> municipality(StagedRows r, String column, Condition checked, Field<String> unknown) {
        Field<String> text = r.text(column);
        Field<Integer> key = r.municipalityKey(column);
        r.reject(checked.and(text.isNull()), column, inline((String) null), EMPTY);
        r.reject(checked.and(text.isNotNull()).and(key.isNull()), column, text, unknown);
        return key;
    }

    private static Field<String> taskField(StagedRows r, Field<String> programme, Condition isLong, Condition isIv3) {
        String column = Staged.TAAKVELD.column();
        Field<String> text = r.text(column);
        Field<String> code = r.perValue(column, FinanceFunctions.call(FinanceFunctions.TASK_FIELD, text, SQLDataType.VARCHAR));
        r.reject(isIv3.and(text.isNull()), column, inline((String) null), EMPTY);
        r.reject(isLong.or(isIv3).and(text.isNotNull()).and(code.isNull()), column, text,
                "unknown taakveld: not a code or name of the Iv3 taakvelden lists (core.dim_iv3_task_field)");
        r.reject(isLong.and(text.isNull()).and(programme.isNull()), column, inline((String) null),
                "taakveld and programma are both empty: a budget line needs at least one of them");
        return code;
    }

    /** The long layout's soort: baten, lasten or (any soort naming a reserve) reserves. */
    private static Field<String> longKind(StagedRows r, Condition isLong) {
        String column = Staged.SOORT.column();
        Field<String> text = r.text(column);
        Field<String> lower = DSL.lower(text);
        Field<String> kind = r.perValue(column, DSL.when(lower.in(inline("baten"), inline("lasten")), lower)
                .when(DSL.position(lower, inline("reserve")).gt(inline(0)), inline("reserves")));
        r.reject(isLong.and(text.isNull()), column, inline((String) null), EMPTY);
        r.reject(isLong.and(text.isNotNull()).and(kind.isNull()), column, text, "soort must be baten, lasten or reserves");
        return kind;
    }

    private static Field<String> longVersion(StagedRows r, Condition isLong) {
        String column = Staged.VERSIE.column();
        Field<String> text = r.text(column);
        Field<String> code = r.perValue(column, FinanceFunctions.call(FinanceFunctions.VERSION, text, SQLDataType.VARCHAR));
        r.reject(isLong.and(text.isNull()), column, inline((String) null), EMPTY);
        r.reject(isLong.and(text.isNotNull()).and(code.isNull()), column, text,
                "unknown versie: use realisatie, begroting, bijgestelde begroting or raming");
        return code;
    }

    private static Field<Integer> longYear(StagedRows r, Condition isLong) {
        String column = Staged.JAAR.column();
        Field<String> text = r.text(column);
        Field<Integer> year = r.wholeNumber(column, false);
        r.reject(isLong.and(text.isNull()), column, inline((String) null), EMPTY);
        r.reject(year.notBetween(inline(StagedRows.FIRST_DATE.getYear()), inline(StagedRows.LAST_DATE.getYear())), column, text,
                "year outside the supported range " + StagedRows.FIRST_DATE.getYear() + "-" + StagedRows.LAST_DATE.getYear());
        return year;
    }

    /**
     * An amount x € 1.000: as councils write it (7.205, (23), -) or, in an Iv3 file, as CBS writes it
     * (10127.0, where 1.500 is one and a half). Required in the long and Iv3 layouts.
     */
    private static Field<BigDecimal> amount(StagedRows r, Condition isIv3) {
        String column = Staged.AMOUNT_TEXT.column();
        Field<String> name = r.text(Staged.AMOUNT_NAME.column());
        Field<String> text = r.text(column);
        Field<BigDecimal> council = r.perValue(column, CouncilAmounts.of(text));
        Field<BigDecimal> iv3 = r.perValue(column, DSL.when(matches(text, "-?\\d+(\\.\\d+)?"), text.cast(NUMBER)));
        r.reject(r.text(Staged.LAYOUT.column()).ne(inline("wide")).and(text.isNull()), name, inline((String) null), inline(EMPTY));
        r.reject(isIv3.and(text.isNotNull()).and(iv3.isNull()), name, text, inline("'").concat(text)
                .concat(inline("' is not an amount as CBS Iv3 files write it (1234.0: a decimal point, no thousands separators)")));
        r.reject(DSL.not(isIv3).and(text.isNotNull()).and(council.isNull()), name, text,
                inline("'").concat(text).concat(inline(CouncilAmounts.NOT_AN_AMOUNT)));
        return r.fitting(DSL.when(isIv3, iv3).otherwise(council), FCT_BUDGET.AMOUNT_KEUR, name, text);
    }

    private static Condition matches(Field<String> text, String regex) {
        return DSL.condition(field("regexp_full_match({0}, {1})", SQLDataType.BOOLEAN, text, inline(regex)));
    }
}
