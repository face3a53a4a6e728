package nl.opvangmonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.bench.BenchCommand;
import nl.opvangmonitor.common.load.ExitCodes;
import nl.opvangmonitor.common.load.HistoryCommand;
import nl.opvangmonitor.common.load.LoadCommand;
import nl.opvangmonitor.common.load.LoadLock;
import nl.opvangmonitor.common.load.RunFailure;
import nl.opvangmonitor.common.load.StatusCommand;
import nl.opvangmonitor.sample.SampleDataGenerator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Command line entry point:
 * <pre>
 *   java -jar opvangmonitor.jar load    [--input DIR] [--warehouse FILE]
 *   java -jar opvangmonitor.jar history [--warehouse FILE]
 *   java -jar opvangmonitor.jar status  [--warehouse FILE]
 *   java -jar opvangmonitor.jar sample  [--output DIR]
 * </pre>
 * Any other {@code --name=value} is handed to Spring as a configuration property.
 */
@SpringBootApplication
public class Application {

    static final String USAGE = """
            usage: opvangmonitor <command> [options]
              load     load every export under the input folder, compute the indicators, print a summary
              history  list past load runs (also those never published)
              status   what is published and since when; which sources are stale
              sample   write the synthetic sample exports (--output DIR, default input)
              bench    benchmark the load at scale (--scale S, default 1; --workdir DIR, default bench; --seed N)
            options:
              --input DIR        input folder with one sub folder per source (default: input)
              --warehouse FILE   DuckDB warehouse file, microdata for the data team (default: warehouse/opvangmonitor.duckdb)
              --publish FILE     DuckDB file for analysts and BI, marts only (default: warehouse/publiek.duckdb)
              --name=value       any configuration property, e.g. --opvangmonitor.chunk-size=5000
            """;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (the tests call this too). */
    public static int run(String... args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        String command = null;
        String output = "input";
        double scale = 1;
        String workdir = "bench";
        long seed = 20261123L;
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--scale", "--workdir", "--seed" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(arg + " needs a value\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                    String value = args[++i];
                    try {
                        switch (arg) {
                            case "--scale" -> scale = Double.parseDouble(value);
                            case "--seed" -> seed = Long.parseLong(value);
                            default -> workdir = value;
                        }
                    } catch (NumberFormatException e) {
                        System.err.println(arg + " needs a number, not " + value + "\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                }
                case "--output" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(arg + " needs a value\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                    output = args[++i];
                }
                case "--input", "--warehouse", "--publish" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(arg + " needs a value\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                    properties.put("opvangmonitor." + arg.substring(2), args[++i]);
                }
                case "-h", "--help", "help" -> {
                    System.out.print(USAGE);
                    return ExitCodes.OK;
                }
                default -> {
                    if (arg.startsWith("--input=") || arg.startsWith("--warehouse=") || arg.startsWith("--publish=")) {
                        properties.put("opvangmonitor." + arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                    } else if (arg.startsWith("--")) {
                        springArgs.add(arg);
                    } else if (command == null) {
                        command = arg;
                    } else {
                        System.err.println("unexpected argument: " + arg + "\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                }
            }
        }
        if (command == null) {
            command = "load";
        }
        if (command.equals("bench")) {
            try {
                return BenchCommand.run(scale, Path.of(workdir), seed, System.out);
            } catch (Exception e) {
                System.err.println("Run failed: benchmark: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
        }
        if (command.equals("sample")) {
            try {
                SampleDataGenerator.generate(Path.of(output));
                System.out.println("Sample exports written to " + output);
                return ExitCodes.OK;
            } catch (IOException e) {
                System.err.println("Run failed: cannot write the sample: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
        }
        if (!List.of("load", "history", "status").contains(command)) {
            System.err.println("unknown command: " + command + "\n" + USAGE);
            return ExitCodes.USAGE;
        }
        LoadLock lock = null;
        if (command.equals("load")) {
            properties.put("opvangmonitor.building", "true");
            // taken before the job repository is opened, and held until it is closed: a second load says which
            // load runs instead of failing on the repository's file lock
            Path warehouse = warehouse(properties, springArgs);
            try {
                lock = LoadLock.tryAcquire(warehouse);
                if (lock == null) {
                    System.err.println("Run failed: " + LoadLock.busy(warehouse));
                    return ExitCodes.RUN_FAILED;
                }
            } catch (IOException e) {
                System.err.println("Run failed: " + RunFailure.reason(e));
                return ExitCodes.RUN_FAILED;
            }
        }
        try (LoadLock held = lock; ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run(springArgs.toArray(String[]::new))) {
            return switch (command) {
                case "history" -> context.getBean(HistoryCommand.class).run(System.out);
                case "status" -> context.getBean(StatusCommand.class).run(System.out);
                default -> context.getBean(LoadCommand.class).run(System.out, held);
            };
        } catch (Exception e) {
            LoggerFactory.getLogger(Application.class).debug("run failed", e);
            System.err.println("Run failed: " + RunFailure.reason(e));
            return ExitCodes.RUN_FAILED;
        }
    }

    /** The published warehouse a load writes, as the configuration will say it. */
    private static Path warehouse(Map<String, Object> properties, List<String> springArgs) {
        Object warehouse = properties.getOrDefault("opvangmonitor.warehouse", springArgs.stream()
                .filter(a -> a.startsWith("--opvangmonitor.warehouse=")).map(a -> a.substring(a.indexOf('=') + 1))
                .reduce((a, b) -> b).orElse("warehouse/opvangmonitor.duckdb"));
        return Path.of(warehouse.toString()).toAbsolutePath();
    }
}
