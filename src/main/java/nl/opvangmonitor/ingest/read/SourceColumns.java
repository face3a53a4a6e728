package nl.opvangmonitor.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * The canonical columns of a source and how an export's headers map onto them. Headers match
 * in any case and with any surrounding spaces ("Melding ID " matches melding_id); a configured
 * alias maps another export's header name onto a canonical column.
 */
public record SourceColumns(List<String> required, List<String> optional, Map<String, String> aliases) {

    public SourceColumns {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        aliases = Map.copyOf(aliases);
    }

    public static SourceColumns of(List<String> required, List<String> optional) {
        return new SourceColumns(required, optional, Map.of());
    }

    /**
     * Adds export header aliases (canonical column -> header). Keys are matched loosely, because
     * Spring drops underscores from map keys written without brackets (columns.melding_id arrives as
     * meldingid); a key that names no column of this source is a configuration error.
     */
    public SourceColumns withAliases(Map<String, String> canonicalToHeader) {
        if (canonicalToHeader == null || canonicalToHeader.isEmpty()) {
            return new SourceColumns(required, optional, Map.of());
        }
        Map<String, String> resolved = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> alias : canonicalToHeader.entrySet()) {
            String key = normalise(alias.getKey()).replace("_", "");
            String column = all().stream().filter(c -> normalise(c).replace("_", "").equals(key)).findFirst()
                    .orElseThrow(() -> new SafeMessage.SafeFailure("column mapping names an unknown column '" + alias.getKey()
                            + "'; the columns of this source are " + String.join(", ", all())));
            resolved.put(column, alias.getValue());
        }
        return new SourceColumns(required, optional, resolved);
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }

    /** The canonical column a header cell stands for, or null when the export's column is not used. */
    public String canonicalFor(String header) {
        String key = normalise(header);
        if (key.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (normalise(alias.getValue()).equals(key)) {
                return alias.getKey();
            }
        }
        for (String column : all()) {
            if (normalise(column).equals(key)) {
                return column;
            }
        }
        return null;
    }

    /** "  Melding ID" and "melding_id" both become "melding_id". */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = header.replace("\ufeff", "").strip().toLowerCase(Locale.ROOT);
        s = s.replaceAll("[^\\p{L}\\p{N}]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }
}
