package nl.opvangmonitor.common.parse;

import java.util.Locale;

/** ja/nee in any case; j/n, yes/no, true/false and 1/0 are accepted too (Excel booleans arrive as ja/nee). */
public final class YesNo {

    private YesNo() {
    }

    public static boolean parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "ja", "j", "yes", "y", "true", "waar", "1" -> true;
            case "nee", "n", "no", "false", "onwaar", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not ja or nee");
        };
    }
}
