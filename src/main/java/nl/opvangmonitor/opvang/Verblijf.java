package nl.opvangmonitor.opvang;

import java.time.LocalDate;

/** A validated shelter stay; the client appears only as its keyed pseudonym. */
record Verblijf(
        String verblijfId,
        String clientKey,
        int geboortejaar,
        int ageAtStart,
        String ageGroup,
        String huishouden,
        String geslacht,
        String voorziening,
        String voorzieningstype,
        String aanbieder,
        int municipalityKey,
        LocalDate startDate,
        LocalDate endDate,
        String uitstroomBestemming,
        Boolean coPas) {
}
