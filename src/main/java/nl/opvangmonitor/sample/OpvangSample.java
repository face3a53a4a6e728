package nl.opvangmonitor.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic shelter stays, nights and refusals, built per published figure (DESIGN.md §4):
 * Groningen 2019 and Rotterdam 2022-2023. Every stay ends (no open stays), so the figures of
 * later years stay empty; the counting rules for open stays are covered by the job tests.
 */
final class OpvangSample {

    static final String[] STAY_HEADER = {"verblijf_id", "client_id", "geboortejaar", "huishouden", "geslacht", "voorziening",
            "voorzieningstype", "aanbieder", "gemeente_herkomst", "startdatum", "einddatum", "uitstroom_bestemming", "co_pas"};

    /** Groningen 2019: 494 in overnight shelter (nachtopvang 292, crisisopvang 157), dagopvang 724, 69 rehabilitated. */
    static final int GRONINGEN_NACHT = 292;
    static final int GRONINGEN_CRISIS = 157;
    static final int GRONINGEN_CRISIS_ALSO_NACHT = 20;
    static final int GRONINGEN_24UURS = 65;
    static final int GRONINGEN_DAG_ONLY = 424;
    static final int GRONINGEN_DAG_FROM_OVERNIGHT = 300;
    static final int GRONINGEN_REHAB = 69;
    static final int GRONINGEN_NACHT_FREQUENT = 114; // 114 / 292 = 39.04%
    static final int GRONINGEN_BW_PERSONS = 1623;
    static final int GRONINGEN_BW_PROVISIONS = 2097;
    static final int GRONINGEN_VO_WOMEN = 134;
    static final int GRONINGEN_VO_WOMEN_ENDED = 100;
    static final int GRONINGEN_VO_DAYS_ENDED = 28611; // 100 stays, mean 9.4 months of 30.4375 days
    static final int GRONINGEN_VO_CHILDREN = 168;
    static final int GRONINGEN_VO_REFUSED = 30;

    /**
     * Rotterdam: admissions 23+ 1031 / 1149, of all ages 1071 / 1200 (+12%), BW 402 (260 + 142) / 398 (255 + 143),
     * 90+ days 48.33% / 47.25%, Wonen Eerst 85 in 2023 (Housing First 30).
     */
    static final int[][] ROTTERDAM = {
            // year, admissions 23+, other sleepers, sleepers > 90 days, bw 23+, bw 18-23, wonen eerst: housing first, project010,
            // other sleepers admitted with a CO-pas
            {2022, 1031, 169, 580, 260, 142, 28, 42, 40},
            {2023, 1149, 51, 567, 255, 143, 30, 55, 51}};

    final List<String[]> groningenStays = new ArrayList<>();
    final List<String[]> rotterdamStays = new ArrayList<>();
    final List<String[]> nights = new ArrayList<>();
    final List<String[]> refusals = new ArrayList<>();

    private final Random random;
    private int stayNumber;

    OpvangSample(Random random) {
        this.random = random;
        groningen();
        rotterdam();
    }

    private void groningen() {
        String gemeente = "Groningen";
        LocalDate jan1 = LocalDate.of(2019, 1, 1);
        List<String> nachtClients = new ArrayList<>();
        for (int i = 0; i < GRONINGEN_NACHT; i++) {
            String client = String.format("G%06d", i + 1);
            nachtClients.add(client);
            LocalDate start = jan1.plusDays(random.nextInt(240));
            LocalDate end = start.plusDays(35 + random.nextInt(60));
            groningenStays.add(stay(client, 1960 + random.nextInt(35), "alleenstaand", sex(), "Nachtopvang Groningen", "nachtopvang",
                    "Het Kopland", gemeente, start, end, "andere_opvang", "nee"));
            nights(client, start, end, i < GRONINGEN_NACHT_FREQUENT);
        }
        for (int i = 0; i < GRONINGEN_CRISIS; i++) {
            String client = i < GRONINGEN_CRISIS_ALSO_NACHT ? nachtClients.get(i) : String.format("G%06d", 1000 + i);
            LocalDate start = jan1.plusDays(random.nextInt(300));
            boolean endsIn2019 = i < GRONINGEN_REHAB + 50;
            LocalDate end = endsIn2019 ? minDate(start.plusDays(10 + random.nextInt(50)), LocalDate.of(2019, 12, 31))
                    : LocalDate.of(2020, 1, 10).plusDays(random.nextInt(60));
            String destination = i < GRONINGEN_REHAB ? "zelfstandig_wonen" : endsIn2019 ? "andere_opvang" : "onbekend";
            groningenStays.add(stay(client, 1965 + random.nextInt(35), "alleenstaand", sex(), "Crisisopvang Groningen", "crisisopvang",
                    "Het Kopland", gemeente, start, end, destination, "nee"));
        }
        List<String> overnight = new ArrayList<>(nachtClients);
        for (int i = 0; i < GRONINGEN_24UURS; i++) {
            String client = String.format("G%06d", 2000 + i);
            overnight.add(client);
            LocalDate start = jan1.plusDays(random.nextInt(200));
            groningenStays.add(stay(client, 1955 + random.nextInt(40), "alleenstaand", sex(), "24-uursvoorziening Groningen",
                    "24-uursopvang", "Het Kopland", gemeente, start, start.plusDays(20 + random.nextInt(100)), "andere_opvang", "nee"));
        }
        for (int i = 0; i < GRONINGEN_DAG_FROM_OVERNIGHT + GRONINGEN_DAG_ONLY; i++) {
            String client = i < GRONINGEN_DAG_FROM_OVERNIGHT ? overnight.get(i) : String.format("G%06d", 3000 + i);
            LocalDate start = jan1.plusDays(random.nextInt(330));
            groningenStays.add(stay(client, 1955 + random.nextInt(45), "alleenstaand", sex(), "Dagopvang De Ruimte", "dagopvang",
                    "Stichting De Ruimte", gemeente, start, minDate(start.plusDays(1 + random.nextInt(30)), LocalDate.of(2019, 12, 31)),
                    "onbekend", "nee"));
        }
        for (int i = 0; i < GRONINGEN_BW_PERSONS; i++) {
            String client = String.format("G%06d", 5000 + i);
            int birth = 1950 + random.nextInt(48);
            LocalDate start = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(900));
            LocalDate end = maxDate(LocalDate.of(2019, 3, 1).plusDays(random.nextInt(600)), start.plusDays(30));
            if (i < GRONINGEN_BW_PROVISIONS - GRONINGEN_BW_PERSONS) {
                LocalDate switchDate = LocalDate.of(2019, 2, 1).plusDays(random.nextInt(200));
                groningenStays.add(stay(client, birth, "alleenstaand", sex(), "BW Lentis Groningen", "beschermd_wonen", "Lentis",
                        gemeente, minDate(start, switchDate.minusDays(30)), switchDate, "beschermd_wonen", "nee"));
                groningenStays.add(stay(client, birth, "alleenstaand", sex(), "BW Cosis Groningen", "beschermd_wonen", "Cosis",
                        gemeente, switchDate.plusDays(1), maxDate(end, switchDate.plusDays(60)), "zelfstandig_wonen", "nee"));
            } else {
                groningenStays.add(stay(client, birth, "alleenstaand", sex(), "BW Lentis Groningen", "beschermd_wonen", "Lentis",
                        gemeente, start, end, "zelfstandig_wonen", "nee"));
            }
        }
        int[] days = exactSum(GRONINGEN_VO_WOMEN_ENDED, GRONINGEN_VO_DAYS_ENDED, 150, 420);
        int children = 0;
        for (int i = 0; i < GRONINGEN_VO_WOMEN; i++) {
            String client = String.format("G%06d", 8000 + i);
            LocalDate start;
            LocalDate end;
            if (i < GRONINGEN_VO_WOMEN_ENDED) {
                end = LocalDate.of(2019, 1, 15).plusDays(random.nextInt(330));
                start = end.minusDays(days[i]);
            } else {
                start = LocalDate.of(2019, 2, 1).plusDays(random.nextInt(300));
                end = LocalDate.of(2020, 3, 1).plusDays(random.nextInt(200));
            }
            int kids = i < GRONINGEN_VO_CHILDREN - GRONINGEN_VO_WOMEN ? 2 : 1;
            boolean family = children < GRONINGEN_VO_CHILDREN;
            groningenStays.add(stay(client, 1975 + random.nextInt(25), family ? "gezin" : "alleenstaand", "v", "Vrouwenopvang Groningen",
                    "vrouwenopvang", "Fier", gemeente, start, end, i % 3 == 0 ? "zelfstandig_wonen" : "onbekend", "nee"));
            for (int k = 0; k < kids && children < GRONINGEN_VO_CHILDREN; k++, children++) {
                groningenStays.add(stay(String.format("G%06d", 9000 + children), start.getYear() - 2 - random.nextInt(14), "gezin",
                        random.nextBoolean() ? "v" : "m", "Vrouwenopvang Groningen", "vrouwenopvang", "Fier", gemeente, start, end,
                        "onbekend", "nee"));
            }
        }
        for (int i = 0; i < GRONINGEN_VO_REFUSED + 11; i++) {
            String voorziening = i < GRONINGEN_VO_REFUSED + 6 ? "Vrouwenopvang Groningen" : "Nachtopvang Groningen";
            String reden = i < GRONINGEN_VO_REFUSED ? "max_bezetting" : i < GRONINGEN_VO_REFUSED + 6 ? "geen passend aanbod" : "max_bezetting";
            refusals.add(new String[] {LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365)).toString(), voorziening, reden, "GM0014"});
        }
        // a few stays from the region, so the region rows differ from Groningen's own
        String[] region = {"Veendam", "Midden-Groningen", "Oldambt"};
        for (int i = 0; i < 30; i++) {
            LocalDate start = jan1.plusDays(random.nextInt(300));
            groningenStays.add(stay(String.format("G%06d", 9500 + i), 1960 + random.nextInt(35), "alleenstaand", sex(),
                    "Crisisopvang Groningen", "crisisopvang", "Het Kopland", region[i % 3], start, start.plusDays(14 + random.nextInt(30)),
                    i % 2 == 0 ? "zelfstandig_wonen" : "andere_opvang", "nee"));
        }
    }

    private void rotterdam() {
        int client = 0;
        for (int[] y : ROTTERDAM) {
            int year = y[0];
            int sleepers = y[1] + y[2];
            for (int i = 0; i < sleepers; i++) {
                boolean admitted23plus = i < y[1];
                boolean longStay = i % sleepers < y[3];
                int duration = longStay ? 91 + random.nextInt(150) : 5 + random.nextInt(80);
                LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(364 - duration));
                int age = admitted23plus ? 23 + random.nextInt(45) : 18 + random.nextInt(5);
                // De Hille changed from nachtopvang to 24-uursopvang in 2023 (a type-2 change of the facility)
                String[] facility = switch (i % 3) {
                    case 0 -> new String[] {"De Hille", year == 2022 ? "nachtopvang" : "24-uursopvang", "Leger des Heils"};
                    case 1 -> new String[] {"Crisisopvang Rotterdam", "crisisopvang", "Centrum voor Dienstverlening"};
                    default -> new String[] {"Doorstroomhuis Rotterdam", "doorstroom", "Pameijer"};
                };
                String coPas = admitted23plus || i < y[1] + y[8] ? "ja" : "nee";
                rotterdamStays.add(stay(String.format("R%06d", ++client), start.getYear() - age, "alleenstaand", sex(), facility[0],
                        facility[1], facility[2], "Rotterdam", start, start.plusDays(duration), "onbekend", coPas));
            }
            for (int i = 0; i < y[4] + y[5]; i++) {
                int age = i < y[4] ? 23 + random.nextInt(40) : 18 + random.nextInt(5);
                LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(330));
                rotterdamStays.add(stay(String.format("R%06d", ++client), year - age, "alleenstaand", sex(), "Beschermd Wonen Rotterdam",
                        "beschermd_wonen", "Pameijer", "Rotterdam", start, start.plusDays(30), "beschermd_wonen", "nee"));
            }
            for (int i = 0; i < y[6] + y[7]; i++) {
                boolean housingFirst = i < y[6];
                LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(330));
                rotterdamStays.add(stay(String.format("R%06d", ++client), year - (housingFirst ? 30 + random.nextInt(30) : 19 + random.nextInt(4)),
                        "alleenstaand", sex(), housingFirst ? "Housing First Rotterdam" : "Project010", "housing_first", "Leger des Heils",
                        "Rotterdam", start, start.plusDays(30), "zelfstandig_wonen", "nee"));
            }
        }
    }

    private String[] stay(String client, int birthYear, String huishouden, String sex, String voorziening, String type, String aanbieder,
                          String gemeente, LocalDate start, LocalDate end, String destination, String coPas) {
        return new String[] {String.format("V%07d", ++stayNumber), client, String.valueOf(birthYear), huishouden, sex, voorziening, type,
                aanbieder, gemeente, start.toString(), end == null ? "" : end.toString(), destination, coPas};
    }

    /** Night-shelter nights inside the stay: frequent users get two consecutive ISO weeks with 3-4 nights, others at most 2 a week. */
    private void nights(String client, LocalDate start, LocalDate end, boolean frequent) {
        LocalDate week = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int weekIndex = 0;
        while (!week.plusDays(6).isAfter(end)) {
            int count = frequent && weekIndex < 2 ? 3 + random.nextInt(2) : random.nextInt(3);
            List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            java.util.Collections.shuffle(days, random);
            for (int d = 0; d < count; d++) {
                nights.add(new String[] {client, week.plusDays(days.get(d)).toString(), "Nachtopvang Groningen"});
            }
            if (weekIndex == 0 && count == 0) {
                nights.add(new String[] {client, week.toString(), "Nachtopvang Groningen"}); // every user has a night
            }
            week = week.plusWeeks(1);
            weekIndex++;
        }
    }

    private int[] exactSum(int n, int total, int min, int max) {
        int[] values = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = min + random.nextInt(max - min);
            sum += values[i];
        }
        int i = 0;
        while (sum != total) {
            int step = sum < total ? 1 : -1;
            if (values[i] + step >= min && values[i] + step <= max) {
                values[i] += step;
                sum += step;
            }
            i = (i + 1) % n;
        }
        return values;
    }

    private String sex() {
        return random.nextInt(4) == 0 ? "v" : "m";
    }

    private static LocalDate minDate(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate maxDate(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
