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
import nl.opvangmonitor.common.load.StatusCommand;
import nl.opvangmonitor.report.ReportCommand;
import nl.opvangmonitor.sample.SampleDataGenerator;
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
 *   java -jar opvangmonitor.jar report  [--warehouse FILE] [--output DIR] [--area CODE…] [--year YEAR]
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
              report   Excel workbooks and HTML pages per area from the public database (report --help)
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
        if (args.length > 0 && args[0].equals("report")) {
            // report parses its own options (--area takes several codes) and needs no Spring context
            return ReportCommand.run(List.of(args).subList(1, args.length), System.out, System.err);
        }
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
        if (command.equals("load")) {
            properties.put("opvangmonitor.building", "true");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run(springArgs.toArray(String[]::new))) {
            return switch (command) {
                case "history" -> context.getBean(HistoryCommand.class).run(System.out);
                case "status" -> context.getBean(StatusCommand.class).run(System.out);
                default -> context.getBean(LoadCommand.class).run(System.out);
            };
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("Run failed: " + root.getMessage());
            return ExitCodes.RUN_FAILED;
        }
    }
}
