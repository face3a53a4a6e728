package nl.opvangmonitor.common.reference;

import static nl.opvangmonitor.db.core.Tables.V_MUNICIPALITY_SPELLING;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * How an export writes a municipality (GM0599, 0599, 599, "Rotterdam", "ROTTERDAM ", "Gemeente
 * Rotterdam", "Den Haag"), normalised the way the SQL macro core.municipality_spelling does it, and the
 * spellings the warehouse knows (core.v_municipality_spelling). Only the row-by-row finance loader uses
 * this Java copy of the macro; it goes when finance moves onto the set-based rules, which call the macro.
 */
public final class MunicipalitySpelling {

    private MunicipalitySpelling() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace('\u2019', '\'').replace('`', '\'').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("gemeente ")) {
            s = s.substring("gemeente ".length());
        }
        if (s.matches("(gm)?[0-9]{1,4}")) {
            return String.valueOf(Integer.parseInt(s.replace("gm", "")));
        }
        return s;
    }

    /** Normalised spelling -> municipality key, as core.v_municipality_spelling holds them. */
    public static Map<String, Integer> load(DSLContext dsl) {
        Map<String, Integer> keys = new HashMap<>();
        dsl.select(V_MUNICIPALITY_SPELLING.SPELLING, V_MUNICIPALITY_SPELLING.MUNICIPALITY_KEY).from(V_MUNICIPALITY_SPELLING)
                .forEach(r -> keys.put(r.value1(), r.value2()));
        return Map.copyOf(keys);
    }
}
