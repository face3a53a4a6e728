package nl.opvangmonitor.veiligthuis;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated Veilig Thuis melding; the client appears only as its keyed pseudonym. */
record Melding(
        String meldingId,
        String clientKey,
        LocalDate meldingsdatum,
        int municipalityKey,
        String vormGeweld,
        BigDecimal duurGeweldMaanden,
        boolean inOnderzoek,
        Boolean veiligNa12Maanden,
        boolean huisverbod,
        Integer aantalKinderenHuisverbod,
        boolean intensiefCasemanagement) {
}
