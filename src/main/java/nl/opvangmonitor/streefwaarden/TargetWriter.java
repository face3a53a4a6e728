package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;

import java.math.RoundingMode;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import org.duckdb.DuckDBAppender;

/** Appends targets to core.fct_target in the column order of V007. */
class TargetWriter extends FactWriter<Target> {

    TargetWriter(DataSource warehouse) {
        super(warehouse, FCT_TARGET);
    }

    @Override
    protected void appendColumns(DuckDBAppender a, Target t) throws SQLException {
        a.append(t.indicatorCode()).append(t.areaCode()).append(t.year()).append(t.text());
        appendNullable(a, t.operator());
        appendNullable(a, t.value() == null ? null : t.value().setScale(4, RoundingMode.HALF_UP));
        appendNullable(a, t.upper() == null ? null : t.upper().setScale(4, RoundingMode.HALF_UP));
        appendNullable(a, t.source());
        appendNullable(a, t.publicationDate());
    }
}
