package nl.opvangmonitor.opvang;

import java.time.LocalDate;

/** One night of one client in a shelter facility. */
record Nacht(String clientKey, LocalDate nightDate, String voorziening) {
}
