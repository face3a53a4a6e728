package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;

import java.sql.SQLException;
import javax.sql.DataSource;
import nl.opvangmonitor.common.load.FactWriter;
import org.duckdb.DuckDBAppender;

/** Appends meldingen to core.fct_melding in the column order of V006. */
class MeldingWriter extends FactWriter<Melding> {

    MeldingWriter(DataSource warehouse) {
        super(warehouse, FCT_MELDING, FCT_MELDING.FILE_ID);
    }

    @Override
    protected void appendColumns(DuckDBAppender a, Melding m) throws SQLException {
        a.append(m.meldingId()).append(m.clientKey()).append(m.meldingsdatum())
                .append(m.meldingsdatum().getYear() * 10000 + m.meldingsdatum().getMonthValue() * 100 + m.meldingsdatum().getDayOfMonth())
                .append(m.municipalityKey());
        appendNullable(a, m.vormGeweld());
        appendNullable(a, m.duurGeweldMaanden());
        a.append(m.inOnderzoek());
        appendNullable(a, m.veiligNa12Maanden());
        a.append(m.huisverbod());
        appendNullable(a, m.aantalKinderenHuisverbod());
        a.append(m.intensiefCasemanagement());
    }
}
