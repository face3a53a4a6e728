package nl.opvangmonitor.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import nl.opvangmonitor.cli.ExitCodes;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * {@code report [--warehouse FILE] [--output DIR] [--area CODE…] [--year YEAR]}: the council's own
 * tables and charts from the public database only (small cells already suppressed there), so a report
 * can be mailed without a privacy review. Writes {@code DIR/<code>.xlsx} and {@code DIR/<code>.html}
 * per area and {@code DIR/index.html}. No Spring context: one read-only JDBC connection.
 */
public final class ReportCommand {

    static final String USAGE = """
            usage: opvangmonitor report [--warehouse FILE] [--output DIR] [--area CODE…] [--year YEAR]
              --warehouse FILE  the warehouse; the report reads the public database beside it (default warehouse/opvangmonitor.duckdb)
              --publish FILE    the public database itself (default publiek.duckdb beside the warehouse)
              --output DIR      where the workbooks and pages go (default warehouse/rapport)
              --area CODE…      only these municipalities or regions (GM0599 MOBW-GM0014 …; default every area with data)
              --year YEAR       report year (default per area the latest year with values)
            """;

    private ReportCommand() {
    }

    /** Runs {@code report} with the arguments after the command word; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path warehouse = Path.of("warehouse/opvangmonitor.duckdb");
        Path publicDb = null;
        Path output = null;
        Integer year = null;
        List<String> areas = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            if (!hasValue && List.of("--warehouse", "--publish", "--output", "--area", "--year").contains(arg)) {
                err.print(arg + " needs a value\n" + USAGE);
                return ExitCodes.USAGE;
            }
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return ExitCodes.OK;
                }
                case "--warehouse" -> warehouse = Path.of(args.get(++i));
                case "--publish" -> publicDb = Path.of(args.get(++i));
                case "--output" -> output = Path.of(args.get(++i));
                case "--year" -> {
                    try {
                        year = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        err.print("--year needs a year, not " + args.get(i) + "\n" + USAGE);
                        return ExitCodes.USAGE;
                    }
                }
                case "--area" -> {
                    while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        areas.add(args.get(++i).toUpperCase(Locale.ROOT));
                    }
                }
                default -> {
                    err.print("unexpected argument: " + arg + "\n" + USAGE);
                    return ExitCodes.USAGE;
                }
            }
        }
        Path folder = warehouse.toAbsolutePath().getParent();
        if (publicDb == null) {
            publicDb = folder.resolve("publiek.duckdb");
        }
        if (output == null) {
            output = folder.resolve("rapport");
        }
        return write(publicDb, output, areas, year, out, err);
    }

    /** Writes the report of {@code areaCodes} (empty: every area with data) from {@code publicDb} to {@code output}. */
    public static int write(Path publicDb, Path output, List<String> areaCodes, Integer year, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(publicDb)) {
            err.println("Nothing published: " + publicDb + " does not exist (run load first).");
            return ExitCodes.STALE;
        }
        long started = System.nanoTime();
        PublicFigures figures;
        try (Connection c = ReadOnlyWarehouse.connect(publicDb)) {
            figures = PublicFigures.read(c, areaCodes);
        } catch (Exception e) {
            err.println("Run failed: cannot read " + publicDb + ": " + SafeMessage.of(e));
            return ExitCodes.RUN_FAILED;
        }
        List<PublicFigures.Area> areas = figures.areas().stream().filter(a -> !a.isEmpty()).toList();
        if (areas.isEmpty()) {
            err.println("Nothing published in " + publicDb + (areaCodes.isEmpty() ? "" : " for " + String.join(", ", areaCodes))
                    + ": no indicator values or budget figures.");
            return ExitCodes.STALE;
        }
        List<String> missing = new ArrayList<>(areaCodes);
        areas.forEach(a -> missing.remove(a.code()));
        out.println("Opvangmonitor report  (public database " + publicDb + ", output " + output + ")");
        try {
            Files.createDirectories(output);
            HtmlReport html = new HtmlReport(output);
            // areas are independent: written side by side, one per core (POI's chart XML dominates the time)
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            List<Future<AreaReport>> done = new ArrayList<>();
            List<AreaReport> reports = new ArrayList<>();
            try {
                for (PublicFigures.Area area : areas) {
                    done.add(pool.submit(() -> {
                        long t = System.nanoTime();
                        AreaReport report = AreaReport.of(area, year);
                        AreaWorkbook.write(report, figures, output.resolve(area.code() + ".xlsx"));
                        html.area(report, figures);
                        out.printf(Locale.ROOT, "%-24s %-36.36s year %d  %2d indicators  %d budget tables  %.2f s%n", area.code(), area.name(),
                                report.reportYear(), area.indicators().size(), area.budgets().size(), (System.nanoTime() - t) / 1e9);
                        return report;
                    }));
                }
                for (Future<AreaReport> f : done) {
                    reports.add(f.get());
                }
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                pool.shutdownNow();
            }
            List<Path> written = new ArrayList<>();
            for (PublicFigures.Area area : areas) {
                written.add(output.resolve(area.code() + ".xlsx"));
                written.add(output.resolve(area.code() + ".html"));
            }
            written.add(html.index(reports));
            written.add(output.resolve(HtmlReport.CHART_SCRIPT));
            out.println();
            out.printf("%-40s %12s%n", "file", "bytes");
            long total = 0;
            for (Path file : written) {
                long size = Files.size(file);
                total += size;
                out.printf("%-40s %12d%n", output.relativize(file), size);
            }
            out.printf(Locale.ROOT, "%d files, %d bytes, %d areas in %.1f s%n", written.size(), total, areas.size(), (System.nanoTime() - started) / 1e9);
            if (!missing.isEmpty()) {
                err.println("No published data for: " + String.join(", ", missing));
                return ExitCodes.STALE;
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            err.println("Run failed: cannot write the report to " + output + ": " + SafeMessage.of(e));
            return ExitCodes.RUN_FAILED;
        }
    }
}
