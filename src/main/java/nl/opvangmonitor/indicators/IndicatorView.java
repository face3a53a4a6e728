package nl.opvangmonitor.indicators;

import java.util.List;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A feature's view that computes its indicators per municipality and year (numerator and
 * denominator). The indicator step copies every such view into core.fct_indicator_value and
 * rolls the rows up to the regions. A view may name a table macro {@code ofYears} that computes the
 * same values for a list of years only (the view being the macro on NULL); an incremental run reads
 * that instead, so the facts of the years it did not touch are never joined.
 */
public record IndicatorView(
        Table<?> view,
        Name ofYears,
        Field<String> indicatorCode,
        Field<String> municipalityCode,
        Field<? extends Number> year,
        Field<? extends Number> numerator,
        Field<? extends Number> denominator) {

    /** A view without a table macro: an incremental run filters its rows by year. */
    public IndicatorView(Table<?> view, Field<String> indicatorCode, Field<String> municipalityCode, Field<? extends Number> year,
            Field<? extends Number> numerator, Field<? extends Number> denominator) {
        this(view, null, indicatorCode, municipalityCode, year, numerator, denominator);
    }

    /** What to read for these years (null: every year): the view, or its table macro on the years. */
    Table<?> source(List<Field<Integer>> years) {
        return years == null || ofYears == null ? view : DSL.table("{0}({1})", ofYears, DSL.array(years));
    }
}
