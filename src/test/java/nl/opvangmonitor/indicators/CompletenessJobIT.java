package nl.opvangmonitor.indicators;

import static nl.opvangmonitor.db.mart.Tables.INDICATOR_TARGET;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_YEARLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.db.mart.tables.records.IndicatorYearlyRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completeness: a delivery covering half a year makes that year's values voorlopig; a region value says
 * how many of its municipalities delivered; targets of years without a value are shown.
 */
class CompletenessJobIT {

    static final String HEADER = "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;"
            + "veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement\n";

    @TempDir
    static Path temp;
    static Path warehouse;
    static int exitCode;

    @BeforeAll
    static void load() throws Exception {
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        // 2023: Rotterdam only, one melding on the 15th of every month; 2024: Rotterdam and Barendrecht, January to June
        StringBuilder fullYear = new StringBuilder(HEADER);
        for (int month = 1; month <= 12; month++) {
            fullYear.append(melding("A" + month, LocalDate.of(2023, month, 15), "GM0599"));
        }
        Files.writeString(vt.resolve("vt_2023.csv"), fullYear);
        StringBuilder halfYear = new StringBuilder(HEADER);
        for (int month = 1; month <= 6; month++) {
            halfYear.append(melding("B" + month, LocalDate.of(2024, month, 10), "GM0599"));
        }
        halfYear.append(melding("C1", LocalDate.of(2024, 3, 3), "Barendrecht"));
        Files.writeString(vt.resolve("vt_2024_h1.csv"), halfYear);
        Path targets = Files.createDirectories(temp.resolve("input/streefwaarden"));
        Files.writeString(targets.resolve("targets.csv"), "indicator;gemeente;jaar;streefwaarde;bron;publicatiedatum\n"
                + "vt_meldingen;GM0599;2024;>10;Begroting 2024;01-11-2023\n"
                + "vt_meldingen;GM0599;2026;>15;Begroting 2024;01-11-2023\n");
        warehouse = temp.resolve("wh/w.duckdb");
        exitCode = Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());
    }

    static String melding(String id, LocalDate date, String gemeente) {
        return String.join(";", id, "P" + id, date.toString(), gemeente, "partnergeweld", "3", "nee", "", "nee", "", "nee") + "\n";
    }

    static IndicatorYearlyRecord value(String area, int year) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.selectFrom(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("vt_meldingen"), INDICATOR_YEARLY.YEAR.eq(year),
                            INDICATOR_YEARLY.MUNICIPALITY_CODE.eq(area).or(INDICATOR_YEARLY.REGION_CODE.eq(area)))
                    .fetchOne();
        }
    }

    @Test
    void indicatorYearly_whenDeliveriesCoverTheWholeYear_thenComplete() throws Exception {
        assertThat(exitCode).isZero();
        var rotterdam2023 = value("GM0599", 2023);
        assertThat(rotterdam2023.getValue()).isEqualByComparingTo("12");
        assertThat(rotterdam2023.getIsComplete()).isTrue();
        assertThat(rotterdam2023.getCompletenessNote()).isNull();
    }

    @Test
    void indicatorYearly_whenDeliveryCoversHalfAYear_thenVoorlopigWithTheMonthsCovered() throws Exception {
        var rotterdam2024 = value("GM0599", 2024);
        assertThat(rotterdam2024.getValue()).isEqualByComparingTo("6");
        assertThat(rotterdam2024.getIsComplete()).isFalse();
        assertThat(rotterdam2024.getCompletenessNote())
                .isEqualTo("voorlopig: the deliveries of veiligthuis cover 6 of 12 months of 2024 (January to June)");
        // Barendrecht's one melding of March is judged by the span of the whole delivery, not by its own single date
        assertThat(value("GM0489", 2024).getCompletenessNote())
                .isEqualTo("voorlopig: the deliveries of veiligthuis cover 6 of 12 months of 2024 (January to June)");
    }

    @Test
    void indicatorYearly_whenRegionBuiltFromSomeMunicipalities_thenSaysHowManyDelivered() throws Exception {
        var region2023 = value("VT-ROTTERDAM-RIJNMOND", 2023);
        assertThat(region2023.getValue()).isEqualByComparingTo("12");
        assertThat(region2023.getMunicipalitiesReporting()).isEqualTo(1);
        assertThat(region2023.getMunicipalitiesInRegion()).isEqualTo(7);
        assertThat(region2023.getIsComplete()).isFalse();
        assertThat(region2023.getCompletenessNote())
                .isEqualTo("voorlopig: 1 of 7 municipalities of the region delivered veiligthuis for 2023");
        var region2024 = value("VT-ROTTERDAM-RIJNMOND", 2024);
        assertThat(region2024.getMunicipalitiesReporting()).isEqualTo(2);
        assertThat(region2024.getCompletenessNote())
                .isEqualTo("voorlopig: 2 of 7 municipalities of the region delivered veiligthuis for 2024, 2 of them for part of the year");
        assertThat(value("GM0599", 2023).getMunicipalitiesReporting()).isNull();
    }

    @Test
    void indicatorTarget_whenTargetForAYearWithoutValue_thenShownWithNullValue() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            var targets = w.dsl.selectFrom(INDICATOR_TARGET).where(INDICATOR_TARGET.INDICATOR_CODE.eq("vt_meldingen"))
                    .orderBy(INDICATOR_TARGET.YEAR).fetch();
            assertThat(targets).extracting(t -> t.getYear()).containsExactly(2024, 2026);
            assertThat(targets.get(0).getHasValue()).isTrue();
            assertThat(value("GM0599", 2024).getTargetMet()).isFalse();
            assertThat(targets.get(1).getTargetText()).isEqualTo(">15");
            assertThat(targets.get(1).getTargetOperator()).isEqualTo(">");
            assertThat(targets.get(1).getTargetValue()).isEqualByComparingTo("15");
            assertThat(targets.get(1).getMunicipalityName()).isEqualTo("Rotterdam");
            assertThat(targets.get(1).getHasValue()).isFalse();
        }
    }
}
