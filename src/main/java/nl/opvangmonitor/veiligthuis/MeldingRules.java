package nl.opvangmonitor.veiligthuis;

import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.opvangmonitor.common.load.StagedRows;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Validates and converts the rows of a Veilig Thuis export (DESIGN.md §3.1) into core.fct_melding, in SQL. */
final class MeldingRules {

    private MeldingRules() {
    }

    /** The columns of core.fct_melding after (file_id, row_number), in table order. */
    static List<Field<?>> facts(StagedRows r) {
        Field<String> meldingId = r.requiredText("melding_id");
        Field<String> clientKey = r.requiredText("client_id");
        Field<LocalDate> date = r.date("meldingsdatum", true);
        Field<Integer> municipality = r.municipality("gemeente", true);
        Field<BigDecimal> duur = r.number("duur_geweld_maanden", false);
        r.reject(duur.lt(inline(BigDecimal.ZERO)), "duur_geweld_maanden", r.text("duur_geweld_maanden"), "duration cannot be negative");
        Field<Boolean> onderzoek = r.yesNo("in_onderzoek", true);
        Field<Boolean> veilig = r.yesNo("veilig_na_12_maanden", false);
        Field<Boolean> huisverbod = r.yesNo("huisverbod", true);
        Field<Integer> kinderen = r.wholeNumber("aantal_kinderen_huisverbod", false);
        r.reject(kinderen.lt(inline(0)), "aantal_kinderen_huisverbod", r.text("aantal_kinderen_huisverbod"),
                "number of children cannot be negative");
        Field<Boolean> intensief = r.yesNo("intensief_casemanagement", true);
        Field<Integer> dateKey = DSL.field("CAST(strftime({0}, '%Y%m%d') AS INTEGER)", SQLDataType.INTEGER, date);
        return List.of(meldingId, clientKey, date, dateKey, municipality, DSL.lower(r.text("vorm_geweld")),
                duur, onderzoek, veilig, huisverbod, kinderen, intensief);
    }
}
