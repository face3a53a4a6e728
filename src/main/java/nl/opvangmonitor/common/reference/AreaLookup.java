package nl.opvangmonitor.common.reference;

import static nl.opvangmonitor.db.core.Tables.DIM_MUNICIPALITY;
import static nl.opvangmonitor.db.core.Tables.DIM_REGION;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Resolves how exports name a municipality (GM0599, 0599, 599, "Rotterdam", "ROTTERDAM ")
 * to its dimension key, and region codes to themselves. Read once from the dimensions, on first use
 * (after the migrations ran).
 */
@Component
public class AreaLookup {

    private final DSLContext dsl;
    private volatile Map<String, Integer> municipalityKeys;
    private volatile Map<Integer, String> municipalityCodes;
    private volatile Map<String, String> regionCodes;
    /** Exports write a municipality in a handful of ways: resolve each way once. */
    private final Map<String, Optional<Integer>> byText = new java.util.concurrent.ConcurrentHashMap<>();

    public AreaLookup(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Integer> municipalityKey(String text) {
        load();
        Optional<Integer> known = byText.get(text);
        if (known != null) {
            return known;
        }
        Optional<Integer> found = Optional.ofNullable(municipalityKeys.get(normalise(text)));
        if (byText.size() < 10_000) {
            byText.put(text, found);
        }
        return found;
    }

    public String municipalityCode(int key) {
        load();
        return municipalityCodes.get(key);
    }

    /** A municipality code (GM0599) or region code for a municipality or region written any way. */
    public Optional<String> areaCode(String text) {
        load();
        Integer key = municipalityKeys.get(normalise(text));
        if (key != null) {
            return Optional.of(municipalityCodes.get(key));
        }
        return Optional.ofNullable(regionCodes.get(normalise(text)));
    }

    private void load() {
        if (municipalityKeys != null) {
            return;
        }
        synchronized (this) {
            if (municipalityKeys != null) {
                return;
            }
            Map<String, Integer> keys = new HashMap<>();
            Map<Integer, String> codes = new HashMap<>();
            dsl.select(DIM_MUNICIPALITY.MUNICIPALITY_KEY, DIM_MUNICIPALITY.MUNICIPALITY_CODE, DIM_MUNICIPALITY.MUNICIPALITY_NAME)
                    .from(DIM_MUNICIPALITY)
                    .forEach(r -> {
                        int key = r.value1();
                        codes.put(key, r.value2());
                        keys.put(normalise(r.value2()), key);
                        keys.put(normalise(r.value2().substring(2)), key);
                        keys.put(String.valueOf(key), key);
                        keys.put(normalise(r.value3()), key);
                    });
            Map<String, String> regions = new HashMap<>();
            dsl.select(DIM_REGION.REGION_CODE, DIM_REGION.REGION_NAME).from(DIM_REGION)
                    .forEach(r -> {
                        regions.put(normalise(r.value1()), r.value1());
                        regions.put(normalise(r.value2()), r.value1());
                    });
            municipalityCodes = codes;
            regionCodes = regions;
            municipalityKeys = keys;
        }
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.matches("\\d{1,4}")) {
            return String.valueOf(Integer.parseInt(s));
        }
        return s;
    }
}
