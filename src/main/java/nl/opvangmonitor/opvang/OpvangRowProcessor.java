package nl.opvangmonitor.opvang;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.Validated;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.reference.AreaLookup;

/** Validates and converts rows of the three shelter exports (DESIGN.md §3.2). */
class OpvangRowProcessor {

    /** Accepted voorzieningstypen, keyed by their spelling without spaces, dashes and underscores. */
    static final Map<String, String> TYPES = Map.of(
            "nachtopvang", "nachtopvang",
            "dagopvang", "dagopvang",
            "crisisopvang", "crisisopvang",
            "24uursopvang", "24-uursopvang",
            "vrouwenopvang", "vrouwenopvang",
            "beschermdwonen", "beschermd_wonen",
            "doorstroom", "doorstroom",
            "housingfirst", "housing_first");

    private final AreaLookup areas;
    private final Pseudonymizer pseudonymizer;

    OpvangRowProcessor(AreaLookup areas, Pseudonymizer pseudonymizer) {
        this.areas = areas;
        this.pseudonymizer = pseudonymizer;
    }

    Validated<Verblijf> verblijf(RowValidator v) {
        String verblijfId = v.requiredText("verblijf_id");
        String clientKey = v.pseudonym("client_id", pseudonymizer);
        Integer geboortejaar = v.wholeNumber("geboortejaar", true);
        if (geboortejaar != null && (geboortejaar < 1900 || geboortejaar > Year.now().getValue())) {
            v.reject("geboortejaar", v.text("geboortejaar"), "birth year outside 1900-" + Year.now().getValue());
            geboortejaar = null;
        }
        String huishouden = code(v.text("huishouden"));
        if (huishouden != null && !huishouden.equals("alleenstaand") && !huishouden.equals("gezin")) {
            v.reject("huishouden", v.text("huishouden"), "not alleenstaand or gezin");
        }
        String geslacht = geslacht(v);
        String voorziening = v.requiredText("voorziening");
        String type = type(v);
        Integer municipality = v.lookup("gemeente_herkomst", areas::municipalityKey,
                "gemeente: not a CBS code or name of a known municipality");
        LocalDate start = v.date("startdatum", true);
        LocalDate end = v.date("einddatum", false);
        if (start != null && end != null && end.isBefore(start)) {
            v.reject("einddatum", v.text("einddatum"), "einddatum is before startdatum " + v.text("startdatum"));
        }
        Integer birthYear = geboortejaar;
        Integer age = start == null || birthYear == null ? null : start.getYear() - birthYear;
        if (age != null && age < 0) {
            v.reject("geboortejaar", v.text("geboortejaar"), "geboortejaar is after the startdatum");
        }
        String uitstroom = code(v.text("uitstroom_bestemming"));
        Boolean coPas = v.yesNo("co_pas", false);
        return v.result(() -> new Verblijf(verblijfId, clientKey, birthYear, age, ageGroup(age), huishouden, geslacht,
                voorziening, type, v.text("aanbieder"), municipality, start, end, uitstroom, coPas));
    }

    Validated<Nacht> nacht(RowValidator v) {
        String clientKey = v.pseudonym("client_id", pseudonymizer);
        LocalDate date = v.date("datum", true);
        String voorziening = v.requiredText("voorziening");
        return v.result(() -> new Nacht(clientKey, date, voorziening));
    }

    Validated<Afwijzing> afwijzing(RowValidator v) {
        LocalDate date = v.date("datum", true);
        String voorziening = v.requiredText("voorziening");
        String reden = code(v.requiredText("reden"));
        Integer municipality = v.text("gemeente") == null ? null
                : v.lookup("gemeente", areas::municipalityKey, "gemeente: not a CBS code or name of a known municipality");
        return v.result(() -> new Afwijzing(date, voorziening, reden, municipality));
    }

    static String ageGroup(int age) {
        return age < 18 ? "kind" : age < 23 ? "jongere" : "volwassene";
    }

    private static String code(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String geslacht(RowValidator v) {
        String text = v.requiredText("geslacht");
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "v", "vrouw", "f", "female" -> "v";
            case "m", "man", "male" -> "m";
            case "x", "o", "onbekend", "anders", "overig" -> "x";
            default -> {
                v.reject("geslacht", text, "not v, m or x");
                yield null;
            }
        };
    }

    private static String type(RowValidator v) {
        String text = v.requiredText("voorzieningstype");
        if (text == null) {
            return null;
        }
        String type = TYPES.get(text.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", ""));
        if (type == null) {
            v.reject("voorzieningstype", text, "unknown voorzieningstype: expected one of nachtopvang, dagopvang, crisisopvang, "
                    + "24-uursopvang, vrouwenopvang, beschermd_wonen, doorstroom, housing_first");
        }
        return type;
    }
}
