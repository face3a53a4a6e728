package nl.opvangmonitor.indicators;

import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night that adds one month on top of years of history recomputes the indicator values of the
 * years it touched only, and they equal those of a full recomputation: the month adds meldingen and
 * an ongoing stay, and re-dates a melding of 2018 to 2020 (the same melding_id, a newer delivery), so
 * 2018 lost a row that no file of this night holds. A night that touches one year leaves every other
 * year's values as they were; the shelter values of the touched years come from the table macro
 * core.indicator_opvang on those years alone.
 */
class IncrementalIndicatorsJobIT {

    @TempDir
    Path temp;

    @Test
    void load_whenOneMonthArrivesOnYearsOfHistory_thenTheIncrementalValuesEqualAFullRecomputation() throws Exception {
        // given: the sample's Veilig Thuis and shelter exports (2018-2023) loaded into two equal warehouses
        Path input = temp.resolve("input");
        copy(Path.of("input/veiligthuis"), input.resolve("veiligthuis"));
        copy(Path.of("input/opvang"), input.resolve("opvang"));
        Path incremental = temp.resolve("incremental/opvangmonitor.duckdb");
        Path full = temp.resolve("full/opvangmonitor.duckdb");
        var first = CommandLineRunner.run(load(input, incremental));
        assertThat(first.out()).contains("Scan: full (BSN guard and indicators over all of history): no full scan recorded yet.");
        copy(incremental.getParent(), full.getParent());
        BigDecimal meldingen2018 = value(incremental, "vt_meldingen", "GM0599", 2018);

        // when: one month arrives; one warehouse loads it incrementally, the other with a full scan
        Files.writeString(input.resolve("veiligthuis/vtrr_meldingen_2024-01.csv"), """
                melding_id,client_id,meldingsdatum,gemeente,vorm_geweld,duur_geweld_maanden,in_onderzoek,veilig_na_12_maanden,huisverbod,aantal_kinderen_huisverbod,intensief_casemanagement
                VTRR2024-000001,C9000001,2024-01-03,GM0599,partnergeweld,3,ja,ja,nee,,nee
                VTRR2024-000002,C9000002,2024-01-17,GM0599,kindermishandeling,,nee,,ja,2,ja
                VTRR2018-000001,C0000001,2020-06-15,GM0599,seksueel geweld,1,nee,,nee,,nee
                """);
        Files.writeString(input.resolve("opvang/verblijven/verblijven_rotterdam_2024-01.csv"), """
                verblijf_id;client_id;geboortejaar;huishouden;geslacht;voorziening;voorzieningstype;aanbieder;gemeente_herkomst;startdatum;einddatum;uitstroom_bestemming;co_pas
                V9000001;R900001;1970;alleenstaand;m;De Hille;nachtopvang;Leger des Heils;Rotterdam;05-01-2024;;;ja
                """);
        var night = CommandLineRunner.run(load(input, incremental));
        var fullNight = CommandLineRunner.run(concat(load(input, full), "--opvangmonitor.full-checks=true"));

        // then: the incremental night recomputed the years it touched, and every value equals the full one
        assertThat(night.exitCode()).isEqualTo(fullNight.exitCode()).isIn(0, 2);
        // 2018 lost the re-dated melding, 2020 gained it; the new stay opens a version of De Hille (its last one,
        // from 2023, was a 24-uursopvang), which re-dates that version's nights; it is ongoing: 2024 up to this year
        String years = Stream.concat(Stream.of(2018, 2020, 2023), IntStream.rangeClosed(2024, LocalDate.now().getYear()).boxed())
                .map(String::valueOf).collect(Collectors.joining(", "));
        assertThat(night.out()).containsPattern("Scan: incremental \\(BSN guard over this run's files; indicators of the years "
                + years + "; last full scan \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)\\.");
        assertThat(fullNight.out()).contains("Scan: full (BSN guard and indicators over all of history): asked for (opvangmonitor.full-checks=true).");
        assertThat(values(incremental)).isEqualTo(values(full)).hasSizeGreaterThan(900);
        assertThat(value(incremental, "vt_meldingen", "GM0599", 2018)).isEqualByComparingTo(meldingen2018.subtract(BigDecimal.ONE));
        assertThat(value(incremental, "vt_meldingen", "GM0599", 2024)).isEqualByComparingTo("2");
        var history = CommandLineRunner.run("history", "--warehouse", incremental.toString());
        assertThat(history.out().lines().skip(1).map(line -> line.replaceAll(".* (\\S+) +\\S+$", "$1")).toList())
                .containsExactly("incremental", "full");
    }

    @Test
    void load_whenANightTouchesOneYear_thenTheOtherYearsKeepTheirValuesAndTheTouchedOnesEqualAFullRecomputation() throws Exception {
        // given: the sample's shelter exports (2019, 2022-2023) loaded into two equal warehouses
        Path input = temp.resolve("input");
        copy(Path.of("input/opvang"), input.resolve("opvang"));
        Path incremental = temp.resolve("incremental/opvangmonitor.duckdb");
        Path full = temp.resolve("full/opvangmonitor.duckdb");
        CommandLineRunner.run(load(input, incremental));
        copy(incremental.getParent(), full.getParent());
        List<String> before = values(incremental);
        BigDecimal frequent2019 = value(incremental, "mo_nacht_frequent", "GM0014", 2019);

        // when: a stay of March 2019 at the Groningen night shelter arrives with its nights, four a week for two weeks
        Files.writeString(input.resolve("opvang/verblijven/verblijven_groningen_2019-03.csv"), """
                verblijf_id;client_id;geboortejaar;huishouden;geslacht;voorziening;voorzieningstype;aanbieder;gemeente_herkomst;startdatum;einddatum;uitstroom_bestemming;co_pas
                V9100001;G900001;1980;alleenstaand;m;Nachtopvang Groningen;nachtopvang;Het Kopland;Groningen;01-03-2019;31-03-2019;zelfstandig_wonen;ja
                """);
        Files.writeString(input.resolve("opvang/nachten/nachten_groningen_2019-03.csv"), "client_id,datum,voorziening\n"
                + Stream.of(4, 5, 6, 7, 11, 12, 13, 14).map(day -> "G900001,2019-03-%02d,Nachtopvang Groningen\n".formatted(day))
                        .collect(Collectors.joining()));
        var night = CommandLineRunner.run(load(input, incremental));
        var fullNight = CommandLineRunner.run(concat(load(input, full), "--opvangmonitor.full-checks=true"));

        // then: the night recomputed 2019 (and this year, as every night) through core.indicator_opvang, and every value equals the
        // full recomputation's; the other years' values are the very rows of before
        List<Integer> touched = Stream.of(2019, LocalDate.now().minusDays(7).getYear(), LocalDate.now().getYear()).distinct().toList();
        assertThat(night.exitCode()).isEqualTo(fullNight.exitCode()).isIn(0, 2);
        assertThat(night.out()).contains("indicators of the years " + touched.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ";");
        assertThat(values(incremental)).isEqualTo(values(full));
        assertThat(value(incremental, "mo_nacht_frequent", "GM0014", 2019)).isEqualByComparingTo(frequent2019.add(BigDecimal.ONE));
        assertThat(yearsOtherThan(touched, values(incremental))).isEqualTo(yearsOtherThan(touched, before)).hasSizeGreaterThan(200);
        // and the macro on any one year gives that year's rows of the view (which is the macro on every year)
        try (Warehouse w = Warehouse.open(incremental)) {
            for (int year = 2019; year <= LocalDate.now().getYear(); year++) {
                assertThat(w.dsl.fetchValue("SELECT count(*) FROM (SELECT * FROM core.v_indicator_opvang WHERE year = " + year
                        + " EXCEPT ALL SELECT * FROM core.indicator_opvang([" + year + "]))")).as("year %d", year).isEqualTo(0L);
                assertThat(w.dsl.fetchValue("SELECT count(*) FROM (SELECT * FROM core.indicator_opvang([" + year
                        + "]) EXCEPT ALL SELECT * FROM core.v_indicator_opvang WHERE year = " + year + ")")).as("year %d", year).isEqualTo(0L);
            }
        }
    }

    private static List<String> yearsOtherThan(List<Integer> years, List<String> values) {
        return values.stream().filter(v -> !years.contains(Integer.valueOf(v.split(" ")[3]))).toList();
    }

    private static String[] load(Path input, Path warehouse) {
        return new String[] {"load", "--input", input.toString(), "--warehouse", warehouse.toString()};
    }

    private static String[] concat(String[] args, String extra) {
        return Stream.concat(Stream.of(args), Stream.of(extra)).toArray(String[]::new);
    }

    private static List<String> values(Path warehouse) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.selectFrom(FCT_INDICATOR_VALUE)
                    .orderBy(FCT_INDICATOR_VALUE.INDICATOR_CODE, FCT_INDICATOR_VALUE.AREA_TYPE, FCT_INDICATOR_VALUE.AREA_CODE, FCT_INDICATOR_VALUE.YEAR)
                    .fetch(r -> r.getIndicatorCode() + " " + r.getAreaType() + " " + r.getAreaCode() + " " + r.getYear() + " "
                            + r.getNumerator() + " " + r.getDenominator());
        }
    }

    private static BigDecimal value(Path warehouse, String indicator, String area, int year) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.select(FCT_INDICATOR_VALUE.NUMERATOR).from(FCT_INDICATOR_VALUE)
                    .where(FCT_INDICATOR_VALUE.INDICATOR_CODE.eq(indicator), FCT_INDICATOR_VALUE.AREA_CODE.eq(area),
                            FCT_INDICATOR_VALUE.YEAR.eq(year))
                    .fetchOne(FCT_INDICATOR_VALUE.NUMERATOR);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
