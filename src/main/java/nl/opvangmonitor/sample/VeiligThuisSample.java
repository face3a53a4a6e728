package nl.opvangmonitor.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Synthetic Veilig Thuis meldingen for one municipality and year, built so that the marginal
 * counts are exact (the published figures) while the rows look like a real export.
 *
 * @param known      meldingen with a known duration (denominator of hg_duur_kort)
 * @param unknown    meldingen with unknown duration
 * @param shortPct   published share with duration < 12 months (numerator = round(pct * known / 100))
 * @param assessed   cases in onderzoek assessed after 12 months (denominator of hg_stabiel_veilig)
 * @param safePct    published share stable and safe
 * @param huisverboden meldingen with a huisverbod
 * @param kinderen   children involved in those huisverboden
 * @param intensief  cases with intensive case management
 */
record VeiligThuisSample(String municipality, int year, int known, int unknown, int shortPct, int assessed, int safePct,
                         int huisverboden, int kinderen, int intensief) {

    static final String[] VORMEN = {"partnergeweld", "kindermishandeling", "ouderenmishandeling", "seksueel geweld", "overig"};

    int total() {
        return known + unknown;
    }

    int shortCount() {
        return (int) Math.round(shortPct * known / 100.0);
    }

    int safeCount() {
        return (int) Math.round(safePct * assessed / 100.0);
    }

    /** One row per melding: id, client, date, gemeente, vorm, duur, onderzoek, veilig, huisverbod, kinderen, intensief. */
    List<String[]> rows(Random random, IdSequence ids) {
        int n = total();
        List<String> duur = new ArrayList<>(n);
        for (int i = 0; i < known; i++) {
            duur.add(String.valueOf(i < shortCount() ? random.nextInt(12) : 12 + random.nextInt(109)));
        }
        for (int i = 0; i < unknown; i++) {
            duur.add("");
        }
        int inOnderzoek = Math.min(n, assessed + assessed / 4);
        List<String[]> onderzoek = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i < safeCount()) {
                onderzoek.add(new String[] {"ja", "ja"});
            } else if (i < assessed) {
                onderzoek.add(new String[] {"ja", "nee"});
            } else if (i < inOnderzoek) {
                onderzoek.add(new String[] {"ja", ""});
            } else {
                onderzoek.add(new String[] {"nee", ""});
            }
        }
        List<String[]> huisverbod = new ArrayList<>(n);
        int childrenLeft = kinderen;
        for (int i = 0; i < n; i++) {
            if (i < huisverboden) {
                int children = i == huisverboden - 1 ? childrenLeft : Math.min(childrenLeft, random.nextInt(3));
                childrenLeft -= children;
                huisverbod.add(new String[] {"ja", String.valueOf(children)});
            } else {
                huisverbod.add(new String[] {"nee", ""});
            }
        }
        List<String> intensiefCm = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            intensiefCm.add(i < intensief ? "ja" : "nee");
        }
        Collections.shuffle(duur, random);
        Collections.shuffle(onderzoek, random);
        Collections.shuffle(huisverbod, random);
        Collections.shuffle(intensiefCm, random);
        List<LocalDate> dates = new ArrayList<>(n);
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        for (int i = 0; i < n; i++) {
            dates.add(first.plusDays(random.nextInt(days)));
        }
        Collections.sort(dates);
        List<String[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {
                    ids.nextMelding(year), ids.client(random), dates.get(i).toString(), municipality,
                    VORMEN[random.nextInt(VORMEN.length)], duur.get(i), onderzoek.get(i)[0], onderzoek.get(i)[1],
                    huisverbod.get(i)[0], huisverbod.get(i)[1], intensiefCm.get(i)});
        }
        return rows;
    }

    /** Melding numbers per year and a client pool in which some clients come back. */
    static final class IdSequence {
        private final String prefix;
        private int melding;
        private int clients;

        IdSequence(String prefix) {
            this.prefix = prefix;
        }

        String nextMelding(int year) {
            return String.format("%s%d-%06d", prefix, year, ++melding);
        }

        String client(Random random) {
            if (clients > 100 && random.nextInt(5) == 0) {
                return String.format("C%07d", 1 + random.nextInt(clients));
            }
            return String.format("C%07d", ++clients);
        }
    }
}
