package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.core.Tables.BUDGET_VERSION_ALIAS;
import static nl.opvangmonitor.db.core.Tables.DIM_BUDGET_VERSION;
import static nl.opvangmonitor.db.core.Tables.DIM_IV3_TASK_FIELD;
import static nl.opvangmonitor.db.core.Tables.DIM_MUNICIPALITY;
import static nl.opvangmonitor.db.core.Tables.IV3_TASK_FIELD_LIST;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The reference data a finance export is checked against, read once per run (after the
 * migrations): municipalities (CBS code, name or an alias of core.budget_municipality_alias),
 * Iv3 taakvelden (code, "code name" or name, of any list version) and versions with their aliases.
 */
@Component
public class BudgetReference {

    /** A taakveld code as exports write it: 6.81, 6.81b, 6.812, 0.10. */
    static final Pattern TASK_FIELD_CODE = Pattern.compile("(?<![\\d.])(\\d{1,2}\\.\\d{1,3}[a-d]?)(?![\\d.]?\\d)");

    record TaskField(String code, String name, int firstYear, Integer lastYear) {

        boolean inUse(int year) {
            return year >= firstYear && (lastYear == null || year <= lastYear);
        }
    }

    private static final String MUNICIPALITY_KEYS = "SELECT t, s.municipality_key FROM unnest(?::VARCHAR[]) AS u(t) "
            + "JOIN core.v_municipality_spelling s ON s.spelling = core.municipality_spelling(t)";

    private final DSLContext dsl;
    private volatile Loaded loaded;

    public BudgetReference(DSLContext dsl) {
        this.dsl = dsl;
    }

    private record Loaded(Map<Integer, String> municipalityNames,
                          Map<String, TaskField> taskFields, Map<String, List<TaskField>> taskFieldsByName,
                          Map<String, String> versions, Map<String, String> versionNames) {
    }

    /**
     * The municipality keys of texts that write a CBS code (GM0599, 0599, 599), a name or a known alias, in
     * any case, read in one query the way the rules read them (core.municipality_spelling over
     * core.v_municipality_spelling): text -> key; texts naming no municipality are left out.
     */
    static Map<String, Integer> municipalityKeys(Connection connection, Collection<String> texts) throws SQLException {
        return ReadInSql.read(connection, MUNICIPALITY_KEYS, texts, Integer.class);
    }

    public String municipalityName(int key) {
        return loaded().municipalityNames().get(key);
    }

    /** A taakveld written as its code (6.81b), as "code name" (6.81b Maatschappelijke- en vrouwenopvang) or as its name. */
    public Optional<TaskField> taskField(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        Matcher m = Pattern.compile("^(\\d{1,2}\\.\\d{1,3}[a-dA-D]?)\\b").matcher(s);
        if (m.find()) {
            return taskFieldByCode(m.group(1));
        }
        List<TaskField> named = loaded().taskFieldsByName().get(nameKey(s));
        return named == null ? Optional.empty() : Optional.of(named.getFirst());
    }

    public Optional<TaskField> taskFieldByCode(String code) {
        return Optional.ofNullable(loaded().taskFields().get(code.toLowerCase(Locale.ROOT)));
    }

    /**
     * Taakvelden whose name occurs in a title ("Overzicht van baten en lasten Geëscaleerde zorg 18+"),
     * longest name first; of codes sharing a name, those in use in {@code year} first.
     */
    public List<TaskField> taskFieldsNamedIn(String text, int year) {
        String haystack = " " + nameKey(text) + " ";
        List<Map.Entry<String, List<TaskField>>> hits = new ArrayList<>();
        for (Map.Entry<String, List<TaskField>> e : loaded().taskFieldsByName().entrySet()) {
            if (haystack.contains(" " + e.getKey() + " ")) {
                hits.add(e);
            }
        }
        hits.sort(Comparator.comparingInt((Map.Entry<String, List<TaskField>> e) -> e.getKey().length()).reversed());
        List<TaskField> result = new ArrayList<>();
        for (var hit : hits) {
            hit.getValue().stream().sorted(Comparator.comparing((TaskField t) -> !t.inUse(year))
                    .thenComparing(TaskField::firstYear, Comparator.reverseOrder())).forEach(result::add);
        }
        return result;
    }

    /** The version code for how an export writes a version ("Begroting", "jaarrekening", "Bijgestelde begroting"). */
    public Optional<String> versionCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(loaded().versions().get(text.strip().replaceAll("[\\s_]+", " ").toLowerCase(Locale.ROOT)));
    }

    public String versionName(String code) {
        return loaded().versionNames().getOrDefault(code, code);
    }

    /** Names compare without case, accents (Geëscaleerde = Geescaleerde), punctuation other than + and -, or extra spaces. */
    static String nameKey(String text) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+\\-]+", " ").strip();
    }

    /** Reads the reference data now, if not read yet (before DuckDB calls the finance functions in a statement). */
    void ensureLoaded() {
        loaded();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (loaded == null) {
                loaded = load();
            }
            return loaded;
        }
    }

    private Loaded load() {
        Map<Integer, String> names = new HashMap<>();
        dsl.select(DIM_MUNICIPALITY.MUNICIPALITY_KEY, DIM_MUNICIPALITY.MUNICIPALITY_NAME).from(DIM_MUNICIPALITY)
                .forEach(r -> names.put(r.value1(), r.value2()));

        Map<String, TaskField> taskFields = new HashMap<>();
        dsl.select(DIM_IV3_TASK_FIELD.TASK_FIELD_CODE, DIM_IV3_TASK_FIELD.TASK_FIELD_NAME, DIM_IV3_TASK_FIELD.FIRST_YEAR,
                        DIM_IV3_TASK_FIELD.LAST_YEAR)
                .from(DIM_IV3_TASK_FIELD)
                .forEach(r -> taskFields.put(r.value1(), new TaskField(r.value1(), r.value2(), r.value3(), r.value4())));
        Map<String, List<TaskField>> byName = new HashMap<>();
        dsl.selectDistinct(IV3_TASK_FIELD_LIST.TASK_FIELD_CODE, IV3_TASK_FIELD_LIST.TASK_FIELD_NAME).from(IV3_TASK_FIELD_LIST)
                .forEach(r -> {
                    List<TaskField> list = byName.computeIfAbsent(nameKey(r.value2()), k -> new ArrayList<>());
                    TaskField field = taskFields.get(r.value1());
                    if (!list.contains(field)) {
                        list.add(field);
                    }
                });

        Map<String, String> versions = new HashMap<>();
        dsl.select(BUDGET_VERSION_ALIAS.ALIAS, BUDGET_VERSION_ALIAS.VERSION_CODE).from(BUDGET_VERSION_ALIAS)
                .forEach(r -> versions.put(r.value1(), r.value2()));
        Map<String, String> versionNames = new HashMap<>();
        dsl.select(DIM_BUDGET_VERSION.VERSION_CODE, DIM_BUDGET_VERSION.VERSION_NAME).from(DIM_BUDGET_VERSION)
                .forEach(r -> versionNames.put(r.value1(), r.value2()));
        return new Loaded(Map.copyOf(names), Map.copyOf(taskFields), Map.copyOf(byName),
                Map.copyOf(versions), Map.copyOf(versionNames));
    }
}
