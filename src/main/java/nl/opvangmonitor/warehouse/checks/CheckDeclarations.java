package nl.opvangmonitor.warehouse.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads check declarations, dbt-style, from {@code sql/checks/*.yml} (on the classpath as
 * {@code db/checks}) and from an optional extra folder:
 * <pre>
 * models:
 *   mart.indicator_yearly:
 *     unique: [indicator_code, municipality_code, region_code, year]
 *     not_null: [indicator_code, year, unit]
 *     accepted_values:
 *       unit: [percent, count, months]
 *     expressions:
 *       - name: percentages_between_0_and_100
 *         fails_when: "unit = 'percent' and (value &lt; 0 or value &gt; 100)"
 * </pre>
 * Every key is validated: an unknown or misspelt key fails the load with the file and key named.
 */
public final class CheckDeclarations {

    static final Set<String> MODEL_KEYS = Set.of("description", "unique", "not_null", "accepted_values", "expressions");
    static final Set<String> EXPRESSION_KEYS = Set.of("name", "description", "fails_when");

    private CheckDeclarations() {
    }

    public static List<Check> load(Path extraFolder) {
        List<Check> checks = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/checks/*.yml");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    checks.addAll(parse("sql/checks/" + resource.getFilename(), in));
                }
            }
            if (extraFolder != null) {
                try (Stream<Path> files = Files.list(extraFolder)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            checks.addAll(parse(file.toString(), in));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the check declarations: " + e.getMessage(), e);
        }
        return checks;
    }

    static List<Check> parse(String source, InputStream in) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (document == null) {
            return List.of();
        }
        Map<String, Object> root = map(document, source, "the file");
        requireKeys(root, Set.of("models"), source, "the top level");
        List<Check> checks = new ArrayList<>();
        Map<String, Object> models = map(root.get("models"), source, "models");
        for (Map.Entry<String, Object> model : models.entrySet()) {
            String name = model.getKey();
            if (!name.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
                throw new CheckDeclarationException(source + ": model '" + name + "' must be written schema.name");
            }
            Map<String, Object> declaration = map(model.getValue(), source, "model " + name);
            requireKeys(declaration, MODEL_KEYS, source, "model " + name);
            if (declaration.containsKey("unique")) {
                List<String> key = strings(declaration.get("unique"), source, name + ".unique");
                checks.add(new Check(source, name, "unique(" + String.join(", ", key) + ")", "unique", key, List.of(), null));
            }
            if (declaration.containsKey("not_null")) {
                for (String column : strings(declaration.get("not_null"), source, name + ".not_null")) {
                    checks.add(new Check(source, name, "not_null(" + column + ")", "not_null", List.of(column), List.of(), null));
                }
            }
            if (declaration.containsKey("accepted_values")) {
                Map<String, Object> accepted = map(declaration.get("accepted_values"), source, name + ".accepted_values");
                for (Map.Entry<String, Object> column : accepted.entrySet()) {
                    List<String> values = strings(column.getValue(), source, name + ".accepted_values." + column.getKey());
                    checks.add(new Check(source, name, "accepted_values(" + column.getKey() + ")", "accepted_values",
                            List.of(column.getKey()), values, null));
                }
            }
            if (declaration.containsKey("expressions")) {
                if (!(declaration.get("expressions") instanceof List<?> expressions)) {
                    throw new CheckDeclarationException(source + ": " + name + ".expressions must be a list");
                }
                for (Object item : expressions) {
                    Map<String, Object> expression = map(item, source, name + ".expressions");
                    requireKeys(expression, EXPRESSION_KEYS, source, "an expression of " + name);
                    if (!(expression.get("name") instanceof String checkName) || !(expression.get("fails_when") instanceof String sql)) {
                        throw new CheckDeclarationException(source + ": every expression of " + name + " needs a name and fails_when");
                    }
                    checks.add(new Check(source, name, checkName, "expression", List.of(), List.of(), sql));
                }
            }
        }
        return checks;
    }

    private static void requireKeys(Map<String, Object> map, Set<String> allowed, String source, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new CheckDeclarationException(source + ": unknown key '" + key + "' in " + where + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String source, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CheckDeclarationException(source + ": " + where + " must be a mapping");
        }
        map.keySet().forEach(k -> {
            if (!(k instanceof String)) {
                throw new CheckDeclarationException(source + ": " + where + " has a key that is not text: " + k);
            }
        });
        return (Map<String, Object>) map;
    }

    private static List<String> strings(Object value, String source, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new CheckDeclarationException(source + ": " + where + " must be a non-empty list");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
