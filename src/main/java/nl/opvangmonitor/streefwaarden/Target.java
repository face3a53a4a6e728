package nl.opvangmonitor.streefwaarden;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A parsed streefwaarde for one indicator, area and year. operator is null when none is set (**). */
record Target(String indicatorCode, String areaCode, int year, String text, String operator,
              BigDecimal value, BigDecimal upper, String source, LocalDate publicationDate) {
}
