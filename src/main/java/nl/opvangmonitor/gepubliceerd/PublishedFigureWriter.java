package nl.opvangmonitor.gepubliceerd;

import static nl.opvangmonitor.db.core.Tables.FCT_PUBLISHED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import org.duckdb.DuckDBAppender;

/** Appends published figures to core.fct_published in the column order of V061. */
class PublishedFigureWriter extends FactWriter<PublishedFigure> {

    PublishedFigureWriter(DataSource warehouse) {
        super(warehouse, FCT_PUBLISHED);
    }

    @Override
    protected void appendColumns(DuckDBAppender a, PublishedFigure f) throws SQLException {
        a.append(f.kind()).append(f.indicatorText());
        appendNullable(a, f.indicatorCode());
        appendNullable(a, f.budgetScope());
        appendNullable(a, f.budgetVersion());
        appendNullable(a, f.budgetLine());
        a.append(f.areaCode()).append(f.year()).append(f.text());
        appendNullable(a, scaled(f.value()));
        appendNullable(a, f.decimals());
        a.append(f.percent());
        appendNullable(a, f.targetOperator());
        appendNullable(a, scaled(f.targetValue()));
        appendNullable(a, scaled(f.targetUpper()));
        a.append(f.source());
        appendNullable(a, f.page());
        appendNullable(a, f.publicationDate());
        appendNullable(a, f.toelichting());
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP);
    }
}
