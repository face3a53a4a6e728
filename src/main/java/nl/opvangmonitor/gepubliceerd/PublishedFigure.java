package nl.opvangmonitor.gepubliceerd;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One published figure, validated; the fields a kind does not use are null (see migration V061). */
record PublishedFigure(String kind, String indicatorText, String indicatorCode, String budgetScope, String budgetVersion,
                       String budgetLine, String areaCode, int year, String text, BigDecimal value, Integer decimals,
                       boolean percent, String targetOperator, BigDecimal targetValue, BigDecimal targetUpper,
                       String source, String page, LocalDate publicationDate, String toelichting) {
}
