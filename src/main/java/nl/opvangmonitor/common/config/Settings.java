package nl.opvangmonitor.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings of a command that does not start Spring (status, history, the checks before a load),
 * bound the way Spring Boot binds them and from the same places, highest precedence first: the command
 * line, Java system properties, environment variables, {@code config/application.properties} and
 * {@code application.properties} in the working folder, the application.properties in the jar.
 */
public final class Settings {

    /** The files in the working folder Spring Boot reads, checked for misspelt names like the command line. */
    public static final List<Path> FILES = List.of(Path.of("config", "application.properties"), Path.of("application.properties"));

    private Settings() {
    }

    public static OpvangmonitorProperties bind(Map<String, Object> commandLine) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("commandLine", commandLine));
        sources.addLast(new PropertiesPropertySource("systemProperties", System.getProperties()));
        sources.addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.copyOf(System.getenv())));
        for (Path file : FILES) {
            if (Files.isRegularFile(file)) {
                sources.addLast(new PropertiesPropertySource(file.toString(), read(file)));
            }
        }
        Properties bundled = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                bundled.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sources.addLast(new PropertiesPropertySource("bundled", bundled));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("opvangmonitor", OpvangmonitorProperties.class);
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
