package nl.opvangmonitor.financien;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year and version of a CBS Iv3 file come from its name, as CBS and the repositories that
 * republish its data name them: {@code 2023_jaarrekening.csv} is the realisatie 2023,
 * {@code 2025_begroting.csv} the begroting 2025 (the words may also come first: {@code begroting_2025}).
 */
final class Iv3FileName {

    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[ _.-]*([a-z][a-z _-]*)");
    private static final Pattern WORD_FIRST = Pattern.compile("(?<![a-z])([a-z][a-z _-]*)[ _.-]*((?:19|20)\\d{2})(?!\\d)");

    record YearVersion(int year, String versionCode) {
    }

    private Iv3FileName() {
    }

    /**
     * @param versionOf resolves a version word (jaarrekening, begroting, ...) to a version code
     * @return the year and version, or empty when the name does not tell them
     */
    static Optional<YearVersion> parse(String fileName, Function<String, Optional<String>> versionOf) {
        String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]+$", "");
        Matcher m = YEAR_FIRST.matcher(name);
        while (m.find()) {
            Optional<YearVersion> found = resolve(m.group(1), m.group(2), versionOf);
            if (found.isPresent()) {
                return found;
            }
        }
        m = WORD_FIRST.matcher(name);
        while (m.find()) {
            Optional<YearVersion> found = resolve(m.group(2), m.group(1), versionOf);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Tries the words after (or before) the year, longest first: "bijgestelde_begroting" before "bijgestelde". */
    private static Optional<YearVersion> resolve(String year, String words, Function<String, Optional<String>> versionOf) {
        String[] parts = words.strip().split("[ _-]+");
        for (int n = Math.min(parts.length, 3); n >= 1; n--) {
            for (int start = 0; start + n <= parts.length; start++) {
                String candidate = String.join(" ", java.util.Arrays.copyOfRange(parts, start, start + n));
                Optional<String> version = versionOf.apply(candidate);
                if (version.isPresent()) {
                    return Optional.of(new YearVersion(Integer.parseInt(year), version.get()));
                }
            }
        }
        return Optional.empty();
    }
}
