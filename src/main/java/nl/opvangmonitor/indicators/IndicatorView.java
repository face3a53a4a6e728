package nl.opvangmonitor.indicators;

import org.jooq.Field;
import org.jooq.Table;

/**
 * A feature's view that computes its indicators per municipality and year (numerator and
 * denominator). The indicator step copies every such view into core.fct_indicator_value and
 * rolls the rows up to the regions.
 */
public record IndicatorView(
        Table<?> view,
        Field<String> indicatorCode,
        Field<String> municipalityCode,
        Field<? extends Number> year,
        Field<? extends Number> numerator,
        Field<? extends Number> denominator) {
}
