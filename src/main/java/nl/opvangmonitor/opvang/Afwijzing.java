package nl.opvangmonitor.opvang;

import java.time.LocalDate;

/** A refusal by a shelter facility; municipalityKey is null when the export has no gemeente. */
record Afwijzing(LocalDate refusalDate, String voorziening, String reden, Integer municipalityKey) {
}
