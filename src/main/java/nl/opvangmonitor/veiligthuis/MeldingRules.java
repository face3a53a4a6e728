package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.opvangmonitor.ingest.Facts;
import nl.opvangmonitor.ingest.StagedRows;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Validates and converts the rows of a Veilig Thuis export (DESIGN.md §3.1) into core.fct_melding, in SQL. */
final class MeldingRules {

    private MeldingRules() {
    }

    /** The columns of core.fct_melding, each by name. */
    static Facts facts(StagedRows r) {
        Field<String> meldingId = r.requiredText("melding_id");
        Field<String> clientKey = r.requiredText("client_id");
        Field<LocalDate> date = r.date("meldingsdatum", true);
        Field<Integer> municipality = r.municipality("gemeente", true);
        Field<BigDecimal> duur = r.number("duur_geweld_maanden", false);
        r.rejectValue("duur_geweld_maanden", duur.lt(inline(BigDecimal.ZERO)), r.text("duur_geweld_maanden"), "duration cannot be negative");
        Field<Boolean> onderzoek = r.yesNo("in_onderzoek", true);
        Field<Boolean> veilig = r.yesNo("veilig_na_12_maanden", false);
        Field<Boolean> huisverbod = r.yesNo("huisverbod", true);
        Field<Integer> kinderen = r.wholeNumber("aantal_kinderen_huisverbod", false);
        r.rejectValue("aantal_kinderen_huisverbod", kinderen.lt(inline(0)), r.text("aantal_kinderen_huisverbod"),
                "number of children cannot be negative");
        Field<Boolean> intensief = r.yesNo("intensief_casemanagement", true);
        // yyyymmdd by arithmetic: formatting a date as text per row costs more than the rest of the row's conversions
        Field<Integer> dateKey = DSL.field("CAST(year({0}) * 10000 + month({0}) * 100 + day({0}) AS INTEGER)", SQLDataType.INTEGER, date);
        return new Facts()
                .set(FCT_MELDING.MELDING_ID, meldingId)
                .set(FCT_MELDING.CLIENT_KEY, clientKey)
                .set(FCT_MELDING.MELDING_DATE, date)
                .set(FCT_MELDING.DATE_KEY, dateKey)
                .set(FCT_MELDING.MUNICIPALITY_KEY, municipality)
                .set(FCT_MELDING.VORM_GEWELD, r.perValue("vorm_geweld", DSL.lower(r.text("vorm_geweld"))))
                .set(FCT_MELDING.DUUR_GEWELD_MAANDEN, duur)
                .set(FCT_MELDING.IS_IN_ONDERZOEK, onderzoek)
                .set(FCT_MELDING.IS_VEILIG_NA_12_MAANDEN, veilig)
                .set(FCT_MELDING.HAS_HUISVERBOD, huisverbod)
                .set(FCT_MELDING.AANTAL_KINDEREN_HUISVERBOD, kinderen)
                .set(FCT_MELDING.HAS_INTENSIEF_CASEMANAGEMENT, intensief);
    }
}
