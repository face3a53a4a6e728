package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.DIM_FACILITY;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_YEARLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting rules of the shelter indicators on small hand-made cases (core.dim_indicator documents them). */
class OpvangCountingRulesJobIT {

    static final String HEADER = "verblijf_id;client_id;geboortejaar;huishouden;geslacht;voorziening;voorzieningstype;aanbieder;"
            + "gemeente_herkomst;startdatum;einddatum;uitstroom_bestemming;co_pas\n";

    @TempDir
    static Path temp;
    static Path warehouse;
    static int exitCode;

    @BeforeAll
    static void load() throws Exception {
        Path stays = Files.createDirectories(temp.resolve("input/opvang/verblijven"));
        Files.writeString(stays.resolve("cases.csv"), HEADER
                // P1: one stay across New Year 2020/2021 in a facility that was a nachtopvang then
                + "S1;P1;1980;alleenstaand;m;De Hille;nachtopvang;Leger des Heils;GM0599;01-12-2020;20-01-2021;onbekend;ja\n"
                // P2: two stays in 2021 (counts once), the crisis stay ends in a home of their own
                + "S2;P2;1990;alleenstaand;v;Crisisopvang;crisisopvang;CVD;GM0599;01-02-2021;10-02-2021;zelfstandig_wonen;nee\n"
                + "S3;P2;1990;alleenstaand;v;Nachtopvang Zuid;nachtopvang;CVD;GM0599;01-03-2021;01-07-2021;andere_opvang;nee\n"
                // P3: an open stay since October 2021: measured up to 31-12-2021 (91 days)
                + "S4;P3;1975;alleenstaand;m;Pauluskerk;24-uursopvang;Pauluskerk;GM0599;01-10-2021;;;ja\n"
                // P4: De Hille became a 24-uursopvang in 2021 (type-2 change)
                + "S5;P4;1970;alleenstaand;m;De Hille;24-uursopvang;Leger des Heils;GM0599;01-05-2021;10-05-2021;onbekend;ja\n"
                // W1 with her child K1 in the vrouwenopvang, 90 days
                + "S6;W1;1990;gezin;v;Vrouwenopvang;vrouwenopvang;Arosa;GM0599;01-01-2021;01-04-2021;zelfstandig_wonen;nee\n"
                + "S7;K1;2015;gezin;m;Vrouwenopvang;vrouwenopvang;Arosa;GM0599;01-01-2021;01-04-2021;zelfstandig_wonen;nee\n"
                // B1 (20) and B2 (40) admitted to beschermd wonen in 2021
                + "S8;B1;2001;alleenstaand;m;BW Noord;beschermd wonen;Pameijer;GM0599;01-06-2021;;;nee\n"
                + "S9;B2;1981;alleenstaand;v;BW Noord;beschermd wonen;Pameijer;GM0599;01-06-2021;01-09-2021;zelfstandig_wonen;nee\n");
        Path refusals = Files.createDirectories(temp.resolve("input/opvang/afwijzingen"));
        Files.writeString(refusals.resolve("afwijzingen.csv"), "datum,voorziening,reden,gemeente\n"
                + "2021-02-01,Vrouwenopvang,max_bezetting,GM0599\n"
                + "2021-02-02,Vrouwenopvang,Geen passend aanbod,GM0599\n"
                + "2021-02-03,De Hille,max_bezetting,GM0599\n");
        Path nights = Files.createDirectories(temp.resolve("input/opvang/nachten"));
        StringBuilder n = new StringBuilder("client_id,datum,voorziening\n");
        // P2: 3 nights in each of two consecutive ISO weeks (Mon 8 and Mon 15 March 2021): frequent
        for (String d : new String[] {"2021-03-08", "2021-03-09", "2021-03-10", "2021-03-15", "2021-03-16", "2021-03-17"}) {
            n.append("P2,").append(d).append(",Nachtopvang Zuid\n");
        }
        // P1: 3 nights in one week of 2020 only: not frequent
        for (String d : new String[] {"2020-12-07", "2020-12-08", "2020-12-09", "2020-12-15"}) {
            n.append("P1,").append(d).append(",De Hille\n");
        }
        Files.writeString(nights.resolve("nachten.csv"), n);
        warehouse = temp.resolve("wh/w.duckdb");
        exitCode = Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());
    }

    static BigDecimal value(String indicator, int year) throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            return w.dsl.select(INDICATOR_YEARLY.VALUE).from(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq(indicator), INDICATOR_YEARLY.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_YEARLY.YEAR.eq(year))
                    .fetchOptional(INDICATOR_YEARLY.VALUE).orElse(null);
        }
    }

    @Test
    void load_whenHandMadeCases_thenAllRowsLoad() {
        assertThat(exitCode).isZero();
    }

    @Test
    void load_whenStaysOfAllAges_thenAgeGroupFromTheBandsOfDimAgeGroup() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            // K1 is 6, B1 20 and B2 40 at the start of their stay
            assertThat(w.dsl.select(FCT_VERBLIJF.VERBLIJF_ID, FCT_VERBLIJF.AGE_AT_START, FCT_VERBLIJF.AGE_GROUP).from(FCT_VERBLIJF)
                    .where(FCT_VERBLIJF.VERBLIJF_ID.in("S7", "S8", "S9")).orderBy(FCT_VERBLIJF.VERBLIJF_ID).fetch().map(r -> r.intoList()))
                    .containsExactly(List.of("S7", 6, "kind"), List.of("S8", 20, "jongere"), List.of("S9", 40, "volwassene"));
        }
    }

    @Test
    void uniquePersons_whenStayCrossesNewYear_thenCountsInBothYears() throws Exception {
        assertThat(value("mo_unieke_personen", 2020)).isEqualByComparingTo("1");
        // 2021: P1 (from 2020), P2 (two stays, once), P3 (open), P4
        assertThat(value("mo_unieke_personen", 2021)).isEqualByComparingTo("4");
    }

    @Test
    void uniquePersons_whenStayIsOpen_thenCountsEveryYearUpToToday() throws Exception {
        int thisYear = LocalDate.now().getYear();
        assertThat(value("mo_unieke_personen_24uursopvang", thisYear)).isEqualByComparingTo("1");
        assertThat(value("mo_unieke_personen_24uursopvang", 2022)).isEqualByComparingTo("1");
    }

    @Test
    void verblijf90plus_whenOpenStay_thenMeasuredToEndOfYear() throws Exception {
        // 2021 sleepers: P1 (50 days), P2 (9 and 122 days), P3 (open: 91 days up to 31-12-2021), P4 (9 days)
        assertThat(value("mo_verblijf_90plus", 2021)).isEqualByComparingTo("50.00");
        assertThat(value("mo_verblijf_90plus", 2020)).isEqualByComparingTo("0.00");
    }

    @Test
    void rehabAndAdmissions_whenCrisisStayEndsInOwnHome_thenCounted() throws Exception {
        assertThat(value("mo_rehab_na_crisis", 2021)).isEqualByComparingTo("1");
        // co_pas = ja and 23+ at the start of an overnight stay: P1 in 2020; P3 and P4 in 2021
        assertThat(value("mo_toelatingen_23plus", 2020)).isEqualByComparingTo("1");
        assertThat(value("mo_toelatingen_23plus", 2021)).isEqualByComparingTo("2");
        assertThat(value("bw_toelatingen", 2021)).isEqualByComparingTo("2");
        assertThat(value("bw_toelatingen_18_23", 2021)).isEqualByComparingTo("1");
        assertThat(value("bw_toelatingen_23plus", 2021)).isEqualByComparingTo("1");
    }

    @Test
    void vrouwenopvang_whenWomanWithChild_thenWomanChildDurationAndRefusalsCounted() throws Exception {
        assertThat(value("vo_vrouwen", 2021)).isEqualByComparingTo("1");
        assertThat(value("vo_kinderen", 2021)).isEqualByComparingTo("1");
        assertThat(value("vo_duur", 2021)).isEqualByComparingTo("3.0"); // 90 days / 30.4375
        assertThat(value("vo_afgewezen", 2021)).isEqualByComparingTo("1"); // only max_bezetting at the vrouwenopvang
    }

    @Test
    void nachtFrequent_whenThreeNightsInTwoConsecutiveWeeks_thenFrequent() throws Exception {
        assertThat(value("mo_nacht_frequent", 2021)).isEqualByComparingTo("100.00");
        assertThat(value("mo_nacht_frequent", 2020)).isEqualByComparingTo("0.00");
    }

    @Test
    void facilityHistory_whenFacilityChangesType_thenLastYearKeepsItsType() throws Exception {
        assertThat(value("mo_unieke_personen_nachtopvang", 2020)).isEqualByComparingTo("1");
        try (Warehouse w = Warehouse.open(warehouse)) {
            var versions = w.dsl.selectFrom(DIM_FACILITY).where(DIM_FACILITY.VOORZIENING.eq("De Hille")).orderBy(DIM_FACILITY.VALID_FROM).fetch();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).getVoorzieningstype()).isEqualTo("nachtopvang");
            assertThat(versions.get(0).getValidTo()).isEqualTo(LocalDate.of(2021, 4, 30));
            assertThat(versions.get(0).getIsCurrent()).isFalse();
            assertThat(versions.get(1).getVoorzieningstype()).isEqualTo("24-uursopvang");
            assertThat(versions.get(1).getValidFrom()).isEqualTo(LocalDate.of(2021, 5, 1));
            assertThat(versions.get(1).getIsCurrent()).isTrue();
            // every stay and refusal points at the version valid on its date, and De Hille's at both of its versions
            for (String[] fact : new String[][] {{"fct_verblijf", "start_date"}, {"fct_afwijzing", "refusal_date"}}) {
                var pointed = w.dsl.fetchOne("SELECT count(*) FILTER (WHERE f.facility_key IS DISTINCT FROM d.facility_key),"
                        + " count(DISTINCT f.facility_key) FILTER (WHERE f.voorziening = 'De Hille'), count(*) FROM core." + fact[0] + " f"
                        + " LEFT JOIN core.dim_facility d ON d.voorziening = f.voorziening AND f." + fact[1]
                        + " BETWEEN d.valid_from AND coalesce(d.valid_to, DATE '9999-12-31')");
                assertThat(pointed.get(0, Long.class)).as(fact[0] + " rows on another version").isZero();
                assertThat(pointed.get(2, Long.class)).as(fact[0] + " rows").isPositive();
                assertThat(pointed.get(1, Long.class)).as(fact[0] + " versions of De Hille").isEqualTo(fact[0].equals("fct_verblijf") ? 2 : 1);
            }
        }
    }
}
