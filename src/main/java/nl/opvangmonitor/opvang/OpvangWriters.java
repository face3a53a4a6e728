package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;

import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import org.duckdb.DuckDBAppender;

/** Appenders for the shelter fact tables, in the column order of V010; facility_key is set after the load. */
final class OpvangWriters {

    private OpvangWriters() {
    }

    static final class VerblijfWriter extends FactWriter<Verblijf> {
        VerblijfWriter(DataSource warehouse) {
            super(warehouse, FCT_VERBLIJF, FCT_VERBLIJF.FILE_ID);
        }

        @Override
        protected void appendColumns(DuckDBAppender a, Verblijf s) throws SQLException {
            a.append(s.verblijfId()).append(s.clientKey()).append(s.geboortejaar()).append(s.ageAtStart()).append(s.ageGroup());
            appendNullable(a, s.huishouden());
            a.append(s.geslacht()).append(s.voorziening()).append(s.voorzieningstype());
            appendNullable(a, s.aanbieder());
            a.append(s.municipalityKey()).append(s.startDate());
            appendNullable(a, s.endDate());
            appendNullable(a, s.uitstroomBestemming());
            appendNullable(a, s.coPas());
            a.appendNull();
        }
    }

    static final class NachtWriter extends FactWriter<Nacht> {
        NachtWriter(DataSource warehouse) {
            super(warehouse, FCT_NACHT, FCT_NACHT.FILE_ID);
        }

        @Override
        protected void appendColumns(DuckDBAppender a, Nacht n) throws SQLException {
            a.append(n.clientKey()).append(n.nightDate()).append(n.voorziening()).appendNull();
        }
    }

    static final class AfwijzingWriter extends FactWriter<Afwijzing> {
        AfwijzingWriter(DataSource warehouse) {
            super(warehouse, FCT_AFWIJZING, FCT_AFWIJZING.FILE_ID);
        }

        @Override
        protected void appendColumns(DuckDBAppender a, Afwijzing r) throws SQLException {
            a.append(r.refusalDate()).append(r.voorziening()).append(r.reden());
            appendNullable(a, r.municipalityKey());
            a.appendNull();
        }
    }
}
