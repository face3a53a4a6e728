package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.SourceModules;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.opvangmonitor.ingest.SourceModule;

/**
 * The configuration properties a user may set, so that a misspelt one is an error that names the
 * nearest valid one instead of a setting silently ignored. Built from {@link OpvangmonitorProperties}
 * (map keys: the sources' names and columns) plus the few other properties the application reads.
 * Names compare as Spring's relaxed binding does: any case, dashes and underscores ignored.
 */
public final class PropertyNames {

    /** Properties read outside {@link OpvangmonitorProperties}; add one here when a class reads another. */
    static final List<String> OTHER = List.of(
            "opvangmonitor.retention-years", "opvangmonitor.published.gate",
            "spring.profiles.active", "spring.profiles.include", "spring.config.location", "spring.config.additional-location",
            "spring.config.import", "spring.main.banner-mode", "spring.main.lazy-initialization",
            "spring.batch.job.enabled", "spring.batch.jdbc.initialize-schema",
            "logging.config", "logging.file.name", "logging.file.path", "logging.level.<logger>");

    private static final String LOGGER = "<logger>";

    /** Set by the command line itself, never by a user. */
    private static final List<String> INTERNAL = List.of("building");

    private static final List<String> VALID = names();

    private PropertyNames() {
    }

    /** Null when {@code name} is a valid property; otherwise the message naming it and the nearest valid one. */
    public static String problem(String name) {
        String key = normalise(name);
        for (String valid : VALID) {
            if (matches(key, valid)) {
                return null;
            }
        }
        return "unknown property " + name + "; did you mean " + nearest(name, VALID) + "?";
    }

    /** The candidate closest to {@code typed} (edit distance, any case). */
    public static String nearest(String typed, List<String> candidates) {
        String key = normalise(typed);
        return candidates.stream().min(Comparator.comparingInt(c -> distance(key, normalise(instantiate(c, key))))).orElseThrow();
    }

    private static boolean matches(String key, String valid) {
        if (valid.endsWith(LOGGER)) {
            String prefix = normalise(valid.substring(0, valid.length() - LOGGER.length()));
            return key.startsWith(prefix) && key.length() > prefix.length();
        }
        return key.equals(normalise(valid));
    }

    /** A pattern ending in {@code <logger>} with what the user typed in that place. */
    private static String instantiate(String candidate, String key) {
        if (!candidate.endsWith(LOGGER)) {
            return candidate;
        }
        String prefix = candidate.substring(0, candidate.length() - LOGGER.length());
        int segments = prefix.split("\\.").length;
        String[] typed = key.split("\\.", segments + 1);
        return prefix + (typed.length > segments ? typed[segments] : "");
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("[", ".").replace("]", "").replace("..", ".");
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        collect("opvangmonitor", OpvangmonitorProperties.class, null, names);
        names.addAll(OTHER);
        return List.copyOf(names);
    }

    private static void collect(String prefix, Class<?> record, SourceModule.Folder source, List<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (INTERNAL.contains(component.getName())) {
                continue;
            }
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collect(name, component.getType(), source, names);
            } else if (component.getType() == Map.class) {
                Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
                if (value instanceof Class<?> valueRecord && valueRecord.isRecord()) {
                    SourceModules.folders().forEach(s -> collect(name + "." + s.name(), valueRecord, s, names));
                } else if (source != null) {
                    source.columns().all().forEach(column -> names.add(name + "." + column));
                } else {
                    names.add(name + ".default");
                    SourceModules.folders().forEach(s -> names.add(name + "." + s.name()));
                }
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
