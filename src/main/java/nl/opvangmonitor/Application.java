package nl.opvangmonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import nl.opvangmonitor.bench.BenchCommand;
import nl.opvangmonitor.ingest.SourceModules;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.cli.PropertyNames;
import nl.opvangmonitor.cli.Settings;
import nl.opvangmonitor.ingest.Deliveries;
import nl.opvangmonitor.cli.ExitCodes;
import nl.opvangmonitor.privacy.OwnerOnly;
import nl.opvangmonitor.cli.HistoryCommand;
import nl.opvangmonitor.cli.LoadCommand;
import nl.opvangmonitor.cli.LoadLock;
import nl.opvangmonitor.ingest.LoadMetrics;
import nl.opvangmonitor.cli.RunFailure;
import nl.opvangmonitor.cli.StatusCommand;
import nl.opvangmonitor.privacy.SafeMessage;
import nl.opvangmonitor.report.ReportCommand;
import nl.opvangmonitor.sample.SampleDataGenerator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Command line entry point: {@code opvangmonitor <command> [options]}, the commands in {@link #COMMANDS}
 * (a command that needs Spring runs through {@link #inSpring}).
 * Every option and {@code --name=value} property is checked before anything starts (a misspelt one
 * exits 64 naming the nearest valid one). Only {@code load} starts Spring; status, history, sample,
 * bench, report and --help answer without it.
 */
@SpringBootApplication
public class Application {

    /** What a command does with the parsed command line; returns the exit code. */
    interface Action {
        int run(Invocation invocation) throws Exception;
    }

    /**
     * A command of the table. {@code ownArguments} is set for a command that parses its own arguments
     * (report: {@code --area} takes several codes); it gets everything after its name and {@code action}
     * is null.
     */
    record Command(String name, String help, Action action, ToIntFunction<List<String>> ownArguments) {
        Command(String name, String help, Action action) {
            this(name, help, action, null);
        }
    }

    /** The commands, in the order of the usage text: adding a command is one line here. */
    static final List<Command> COMMANDS = List.of(
            new Command("load", "load every export under the input folder, compute the indicators, print a summary",
                    i -> load(i, null)),
            new Command("history", "list past load runs (also those never published)",
                    i -> new HistoryCommand(i.settings().warehouse()).run(System.out)),
            new Command("status", "what is published and since when; which sources are stale",
                    i -> new StatusCommand(i.settings()).run(System.out)),
            new Command("sample", "write the synthetic sample exports (--output DIR, default input)", Application::sample),
            new Command("bench", "benchmark the load at scale (--scale S, default 1; --workdir DIR, default bench; --seed N; --startup-runs N, default 5)",
                    i -> BenchCommand.run(Double.parseDouble(i.option("scale", "1")), Path.of(i.option("workdir", "bench")),
                            Long.parseLong(i.option("seed", "20261123")), Integer.parseInt(i.option("startup-runs", "5")), System.out,
                            Application::load)),
            new Command("report", "Excel workbooks and HTML pages per area from the public database (report --help)", null,
                    arguments -> ReportCommand.run(arguments, System.out, System.err)));

    /** Options with a value: {@code --name VALUE} or {@code --name=VALUE}; the first three are properties. */
    static final List<String> OPTIONS = List.of("input", "warehouse", "publish", "output", "scale", "workdir", "seed", "startup-runs");

    static final String USAGE = "usage: opvangmonitor <command> [options]\n"
            + COMMANDS.stream().map(c -> String.format("  %-8s %s%n", c.name(), c.help())).collect(Collectors.joining())
            + """
            options:
              --input DIR        input folder with one sub folder per source (default: input)
              --warehouse FILE   DuckDB warehouse file, microdata for the data team (default: warehouse/opvangmonitor.duckdb)
              --publish FILE     DuckDB file for analysts and BI, marts only (default: warehouse/publiek.duckdb)
              --name=value       any configuration property (README, Configuration), e.g. --opvangmonitor.parallel-files=1
            """;

    /** A parsed command line: the command, its options, and the properties for Spring. */
    record Invocation(Command command, Map<String, String> options, Map<String, Object> properties, List<String> springArgs) {

        String option(String name, String otherwise) {
            return options.getOrDefault(name, otherwise);
        }

        /** The settings as Spring would bind them, without starting it. */
        OpvangmonitorProperties settings() {
            Map<String, Object> all = new LinkedHashMap<>(properties);
            for (String arg : springArgs) {
                all.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return Settings.bind(all);
        }
    }

    /** A command line that is wrong: exit 64 with this message. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (the tests call this too). */
    public static int run(String... args) {
        OwnerOnly.restrictUmask();
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Command first = args.length == 0 ? null : COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (first != null && first.ownArguments() != null) {
            return first.ownArguments().applyAsInt(List.of(args).subList(1, args.length));
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h") || (args.length > 0 && args[0].equals("help"))) {
            System.out.print(USAGE);
            return ExitCodes.OK;
        }
        Invocation invocation;
        try {
            invocation = parse(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return ExitCodes.USAGE;
        }
        try {
            return invocation.command().action().run(invocation);
        } catch (Exception e) {
            System.err.println("Run failed: " + invocation.command().name() + ": " + SafeMessage.of(e));
            return ExitCodes.RUN_FAILED;
        }
    }

    static Invocation parse(String... args) throws UsageException {
        Command command = null;
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = arg.substring(2, equals < 0 ? arg.length() : equals);
                if (name.contains(".")) {
                    if (equals < 0) {
                        throw new UsageException(arg + " needs a value: --" + name + "=VALUE");
                    }
                    String problem = PropertyNames.problem(name);
                    if (problem != null) {
                        throw new UsageException(problem);
                    }
                    springArgs.add(arg);
                    continue;
                }
                if (!OPTIONS.contains(name)) {
                    throw new UsageException("unknown option --" + name + "; did you mean --" + PropertyNames.nearest(name, OPTIONS) + "?");
                }
                if (equals < 0 && i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = equals < 0 ? args[++i] : arg.substring(equals + 1);
                options.put(name, value);
                if (OPTIONS.indexOf(name) < 3) {
                    properties.put("opvangmonitor." + name, value);
                }
            } else if (command == null) {
                command = COMMANDS.stream().filter(c -> c.name().equals(arg)).findFirst().orElseThrow(() -> new UsageException(
                        "unknown command " + arg + "; did you mean " + PropertyNames.nearest(arg, COMMANDS.stream().map(Command::name).toList()) + "?"));
                if (command.ownArguments() != null) {
                    throw new UsageException(arg + " takes its options after its name: opvangmonitor " + arg + " [options]");
                }
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
        if (command == null) {
            throw new UsageException("no command given");
        }
        for (String number : List.of("scale", "seed", "startup-runs")) {
            if (options.containsKey(number) && !options.get(number).matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new UsageException("--" + number + " needs a number, not " + options.get(number));
            }
        }
        String fileProblem = Settings.problemInFiles();
        if (fileProblem != null) {
            throw new UsageException(fileProblem);
        }
        return new Invocation(command, options, properties, springArgs);
    }

    private static int sample(Invocation invocation) throws Exception {
        String output = invocation.option("output", "input");
        SampleDataGenerator.generate(Path.of(output));
        System.out.println("Sample exports written to " + output);
        return ExitCodes.OK;
    }

    /** A load whose phases are timed into {@code metrics} (the benchmark's); returns the exit code. */
    static int load(LoadMetrics metrics, String... args) {
        try {
            return load(parse(args), metrics);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /**
     * A load: the input folder must hold at least one source folder; a night with nothing new is
     * answered without starting Spring; otherwise Spring runs the load job, its steps timed into {@code metrics}
     * (null: the context's own).
     */
    private static int load(Invocation invocation, LoadMetrics metrics) {
        OpvangmonitorProperties settings = invocation.settings();
        Path input = settings.input();
        String problem = !Files.exists(input) ? "the input folder " + input + " does not exist"
                : !Files.isDirectory(input) || !Files.isReadable(input) ? "the input folder " + input + " cannot be read"
                : SourceModules.folderPaths().stream().noneMatch(f -> Files.isDirectory(input.resolve(f)))
                ? "the input folder " + input + " holds none of the source folders " + String.join(", ", SourceModules.folderPaths()) : null;
        if (problem != null) {
            System.err.println("Run failed: " + problem);
            return ExitCodes.RUN_FAILED;
        }
        // taken before the job repository is opened, and held until it is closed: a second load says which
        // load runs instead of failing on the repository's file lock
        Path warehouse = settings.warehouse().toAbsolutePath();
        LoadLock lock;
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
        try (LoadLock held = lock) {
            // a killed load is recorded by the job, so only a night without one is answered here
            String nothingNew = held.interrupted().isEmpty() ? LoadCommand.nothingNew(settings, new Deliveries(settings, SourceModules.folderPaths())) : null;
            if (nothingNew != null && LoadCommand.publicFileCurrent(settings)) {
                System.out.println(nothingNew);
                return ExitCodes.OK;
            }
            return inSpring(invocation, Map.of("opvangmonitor.building", "true"), metrics,
                    context -> context.getBean(LoadCommand.class).run(System.out, held));
        } catch (Exception e) {
            LoggerFactory.getLogger(Application.class).debug("run failed", e);
            System.err.println("Run failed: " + RunFailure.reason(e));
            return ExitCodes.RUN_FAILED;
        }
    }

    /** What a command that needs the Spring context does with it; returns the exit code. */
    interface ContextAction {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    /**
     * Starts the Spring context with the command line's properties (and {@code extra}) and, unless null,
     * {@code metrics} as its {@link LoadMetrics} bean, runs {@code action}, closes it.
     */
    static int inSpring(Invocation invocation, Map<String, Object> extra, LoadMetrics metrics, ContextAction action) {
        Map<String, Object> properties = new LinkedHashMap<>(invocation.properties());
        properties.putAll(extra);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .initializers(starting -> {
                    if (metrics != null) {
                        starting.getBeanFactory().registerSingleton("loadMetrics", metrics);
                    }
                })
                .run(invocation.springArgs().toArray(String[]::new))) {
            return action.run(context);
        } catch (Exception e) {
            LoggerFactory.getLogger(Application.class).debug("run failed", e);
            System.err.println("Run failed: " + RunFailure.reason(e));
            return ExitCodes.RUN_FAILED;
        }
    }
}
