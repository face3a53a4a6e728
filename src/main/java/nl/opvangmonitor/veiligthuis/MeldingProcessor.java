package nl.opvangmonitor.veiligthuis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.Validated;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.reference.AreaLookup;

/** Validates and converts one row of a Veilig Thuis export (DESIGN.md §3.1). */
class MeldingProcessor {

    private final AreaLookup areas;
    private final Pseudonymizer pseudonymizer;

    MeldingProcessor(AreaLookup areas, Pseudonymizer pseudonymizer) {
        this.areas = areas;
        this.pseudonymizer = pseudonymizer;
    }

    Validated<Melding> process(RowValidator v) {
        String meldingId = v.requiredText("melding_id");
        String clientKey = v.pseudonym("client_id", pseudonymizer);
        LocalDate date = v.date("meldingsdatum", true);
        Integer municipality = v.lookup("gemeente", areas::municipalityKey, "gemeente: not a CBS code or name of a known municipality");
        String vorm = v.text("vorm_geweld");
        BigDecimal duur = v.number("duur_geweld_maanden", false);
        if (duur != null && duur.signum() < 0) {
            v.reject("duur_geweld_maanden", v.text("duur_geweld_maanden"), "duration cannot be negative");
        }
        Boolean onderzoek = v.yesNo("in_onderzoek", true);
        Boolean veilig = v.yesNo("veilig_na_12_maanden", false);
        Boolean huisverbod = v.yesNo("huisverbod", true);
        Integer kinderen = v.wholeNumber("aantal_kinderen_huisverbod", false);
        if (kinderen != null && kinderen < 0) {
            v.reject("aantal_kinderen_huisverbod", v.text("aantal_kinderen_huisverbod"), "number of children cannot be negative");
        }
        Boolean intensief = v.yesNo("intensief_casemanagement", true);
        return v.result(() -> new Melding(meldingId, clientKey, date, municipality,
                vorm == null ? null : vorm.toLowerCase(Locale.ROOT),
                duur == null ? null : duur.setScale(2, RoundingMode.HALF_UP),
                onderzoek, veilig, huisverbod, kinderen, intensief));
    }
}
