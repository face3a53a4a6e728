package nl.opvangmonitor.cli;

import nl.opvangmonitor.warehouse.OpvangmonitorProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of a command that does not start Spring (status, history, the checks before a load),
 * from the same places Spring Boot reads them, highest precedence first: the command line, Java system
 * properties, environment variables ({@code OPVANGMONITOR_WAREHOUSE}), {@code config/application.properties}
 * and {@code application.properties} in the working folder, the application.properties in the jar.
 * Names match as in Spring's relaxed binding (any case; dashes and underscores ignored). Bound by hand:
 * Spring's Binder costs about a second of start-up on this machine, more than such a command needs.
 */
public final class Settings {

    /** The files in the working folder Spring Boot reads, checked for misspelt names like the command line. */
    public static final List<Path> FILES = List.of(Path.of("config", "application.properties"), Path.of("application.properties"));

    private Settings() {
    }

    public static OpvangmonitorProperties bind(Map<String, Object> commandLine) {
        Map<String, String> values = new LinkedHashMap<>();
        commandLine.forEach((k, v) -> values.putIfAbsent(key(k), String.valueOf(v)));
        System.getProperties().forEach((k, v) -> values.putIfAbsent(key(k.toString()), v.toString()));
        System.getenv().forEach((k, v) -> values.putIfAbsent(key(k.replace('_', '.')), v));
        for (Path file : FILES) {
            if (Files.isRegularFile(file)) {
                read(file).forEach((k, v) -> values.putIfAbsent(key(k.toString()), v.toString()));
            }
        }
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            Properties bundled = new Properties();
            if (in != null) {
                bundled.load(in);
            }
            bundled.forEach((k, v) -> values.putIfAbsent(key(k.toString()), v.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bind(OpvangmonitorProperties.class, "opvangmonitor", values);
    }

    /** Null when every name in the application.properties files of the working folder is valid; otherwise file and problem. */
    public static String problemInFiles() {
        for (Path file : FILES) {
            if (Files.isRegularFile(file)) {
                for (String name : read(file).stringPropertyNames()) {
                    String problem = PropertyNames.problem(name);
                    if (problem != null) {
                        return file + ": " + problem;
                    }
                }
            }
        }
        return null;
    }

    /** A record from the values under {@code prefix}: its canonical constructor, defaults from {@link DefaultValue}. */
    private static <T> T bind(Class<T> type, String prefix, Map<String, String> values) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            var constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            Parameter[] parameters = constructor.getParameters();
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = prefix + "." + components[i].getName();
                DefaultValue defaults = parameters[i].getAnnotation(DefaultValue.class);
                Class<?> kind = components[i].getType();
                if (kind.isRecord()) {
                    boolean given = values.keySet().stream().anyMatch(k -> k.startsWith(key(name) + "."));
                    arguments[i] = given || defaults != null ? bind(kind, name, values) : null;
                } else if (kind == Map.class) {
                    arguments[i] = map((ParameterizedType) components[i].getGenericType(), name, values);
                } else {
                    String value = values.get(key(name));
                    if (value == null && defaults != null && defaults.value().length > 0) {
                        value = defaults.value()[0];
                    }
                    arguments[i] = convert(kind, value);
                }
            }
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A map under {@code prefix}: its keys are the next name element (a source name), as Spring binds them. */
    private static Map<String, Object> map(ParameterizedType type, String prefix, Map<String, String> values) {
        String start = key(prefix) + ".";
        Class<?> valueType = (Class<?>) type.getActualTypeArguments()[1];
        Map<String, Object> map = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            if (k.startsWith(start)) {
                String rest = k.substring(start.length());
                String element = rest.contains(".") && valueType.isRecord() ? rest.substring(0, rest.indexOf('.')) : rest;
                map.computeIfAbsent(element, e -> valueType.isRecord() ? bind(valueType, prefix + "." + e, values)
                        : convert(valueType, values.get(start + e)));
            }
        }
        return map.isEmpty() ? null : map;
    }

    private static Object convert(Class<?> type, String value) {
        if (type == int.class) {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } else if (type == boolean.class) {
            return value != null && Boolean.parseBoolean(value.strip());
        } else if (value == null) {
            return null;
        } else if (type == Integer.class) {
            return Integer.valueOf(value.strip());
        } else if (type == Path.class) {
            return Path.of(value.strip());
        }
        return value;
    }

    private static String key(String name) {
        return PropertyNames.normalise(name).toLowerCase(Locale.ROOT);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
