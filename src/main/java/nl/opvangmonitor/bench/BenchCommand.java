package nl.opvangmonitor.bench;

import nl.opvangmonitor.db.audit.tables.records.LoadFileRecord;
import nl.opvangmonitor.ingest.FileStatus;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.RUN_SCAN;
import static org.jooq.impl.DSL.inline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.read.TabularFile;
import nl.opvangmonitor.ingest.LoadMetrics;
import nl.opvangmonitor.report.ReportCommand;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.util.FileSystemUtils;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * {@code bench --scale S --workdir DIR}: generates synthetic exports at scale, measures DuckDB's own
 * read_csv on the same CSV files through the same driver, runs the full {@code load} on them, a rerun
 * with nothing new, the analyst's plain DuckDB SQL pipeline on the same CSV files ({@link PeerPipeline}), the CSV
 * files loaded on their own in a JVM of their own as those two read them, with nothing else on the cores (the CSV ingest
 * of {@code csv_ratio} and {@code peer_ratio}; their window in the full load, beside the workbook, is printed too),
 * our XLSX reader against a plain POI SAX read of the same sheet and the workbook loaded on its own, in a JVM of its own
 * held to 256 MB of heap (file to facts, and the most heap before a collection: {@code xlsx_seconds},
 * {@code xlsx_peak_heap_mb}), then
 * a night that adds one month on top of the loaded years (incremental, as every night between full scans:
 * {@code night_indicators_checks_s}), then the start-up of the short commands as whole processes
 * ({@code --startup-runs N} each, 0 to skip). Prints a table of phases and one closing line
 * {@code csv_ratio=<x> peer_ratio=<y> xlsx_seconds=<s> xlsx_peak_heap_mb=<m> night_indicators_checks_s=<n>}.
 * A benchmark, not a test: run it on a quiet machine; CI only runs it at a tiny scale as a smoke test.
 */
public final class BenchCommand {

    /** The heap the workbook loaded on its own is held to: the target of issue 17. */
    static final int XLSX_HEAP_MB = 256;
    /** The heap before and after a collection in the collector's log ({@code 24M->5M(256M)}). */
    private static final Pattern GC_PAUSE_HEAP = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

    private BenchCommand() {
    }

    /** Runs {@code load} with these arguments, its phases timed into {@code metrics}; returns the exit code. */
    @FunctionalInterface
    public interface Loader {
        int load(LoadMetrics metrics, String... args);
    }

    public static int run(double scale, Path workdir, long seed, int startupRuns, PrintStream out, Loader loader) throws Exception {
        Path input = workdir.resolve("input");
        Path warehouseDir = workdir.resolve("warehouse");
        FileSystemUtils.deleteRecursively(input);
        FileSystemUtils.deleteRecursively(warehouseDir);
        Files.deleteIfExists(workdir.resolve("baseline.duckdb"));
        Files.deleteIfExists(workdir.resolve("peer.duckdb"));
        Files.createDirectories(workdir);
        Path warehouse = warehouseDir.resolve("opvangmonitor.duckdb");

        long t = System.nanoTime();
        BenchData.Generated data = BenchData.generate(input, scale, seed);
        double generate = seconds(t);

        t = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workdir.resolve("baseline.duckdb").toAbsolutePath())) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            for (int i = 0; i < data.csvFiles().size(); i++) {
                dsl.query("CREATE TABLE {0} AS SELECT * FROM read_csv({1}, header = true, all_varchar = true)",
                        DSL.name("t" + i), inline(data.csvFiles().get(i).toAbsolutePath().toString())).execute();
            }
        }
        double baseline = seconds(t);

        resetPeakHeap();
        t = System.nanoTime();
        LoadMetrics metrics = new LoadMetrics();
        int exit = loader.load(metrics, "load", "--input", input.toString(), "--warehouse", warehouse.toString());
        double load = seconds(t);
        long loadPeakHeap = peakHeapBytes();

        t = System.nanoTime();
        int rerunExit = loader.load(new LoadMetrics(), "load", "--input", input.toString(), "--warehouse", warehouse.toString());
        double rerun = seconds(t);

        // the analyst's pipeline on the same CSV files (its municipality seed comes from the warehouse just loaded)
        PeerPipeline.Result peer = PeerPipeline.run(workdir.resolve("peer.duckdb"), input, warehouse);
        // the CSV files on their own, as the baseline and the peer read them: in the full load the workbook shares the cores
        Alone csvAlone = loadAlone(input, data.csvFiles(), workdir.resolve("csv-alone"), List.of());

        List<LocalDateTime[]> csvIntervals = new ArrayList<>();
        List<LocalDateTime[]> xlsxIntervals = new ArrayList<>();
        List<LocalDateTime[]> budgetIntervals = new ArrayList<>();
        Balance balance;
        try (Connection c = ReadOnlyWarehouse.connect(warehouse)) {
            var files = DSL.using(c, SQLDialect.DUCKDB).selectFrom(LOAD_FILE).where(LOAD_FILE.STATUS.eq(FileStatus.LOADED.name())).fetch();
            for (var f : files) {
                LocalDateTime[] interval = {f.getStartedAt(), f.getFinishedAt()};
                (f.getSource().equals("financien") ? budgetIntervals : f.getFilePath().endsWith(".xlsx") ? xlsxIntervals : csvIntervals)
                        .add(interval);
            }
            balance = Balance.of(files);
        }
        // what analysts and BI tools ask of the published warehouse: every budget aggregate for 342 municipalities x 10 years, every indicator value
        double budgetMarts;
        double indicatorMarts;
        long budgetMartRows = 0;
        long indicatorMartRows = 0;
        try (Connection c = ReadOnlyWarehouse.connect(warehouse)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            long m = System.nanoTime();
            for (String view : List.of("budget_line", "budget_summary", "budget_variance", "budget_reported_total")) {
                budgetMartRows += dsl.fetch("SELECT * FROM mart." + view).size();
            }
            budgetMarts = seconds(m);
            m = System.nanoTime();
            for (String view : List.of("indicator_yearly", "indicator_trend")) {
                indicatorMartRows += dsl.fetch("SELECT * FROM mart." + view).size();
            }
            indicatorMarts = seconds(m);
        }
        // the council report of every area (workbook and page), from the public database
        Path reportFolder = workdir.resolve("rapport");
        FileSystemUtils.deleteRecursively(reportFolder);
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        long r = System.nanoTime();
        int reportExit = ReportCommand.write(warehouseDir.resolve("publiek.duckdb"), reportFolder, List.of(), null, quiet, quiet);
        double report = seconds(r);
        long reportAreas;
        try (var files = Files.list(reportFolder)) {
            reportAreas = files.filter(f -> f.toString().endsWith(".xlsx")).count();
        }
        // files load two at a time: the wall time during which any CSV file was loading, not the sum of their times
        double csvIngest = wallSeconds(csvIntervals);
        double xlsxIngest = wallSeconds(xlsxIntervals);
        double budgetIngest = wallSeconds(budgetIntervals);

        t = System.nanoTime();
        long saxCells = plainSaxRead(data.xlsx());
        double sax = seconds(t);
        System.gc();
        resetPeakHeap();
        long heapBefore = usedHeapBytes();
        t = System.nanoTime();
        long ourRows = ourXlsxRead(data.xlsx());
        double ours = seconds(t);
        long xlsxPeakHeap = Math.max(0, peakHeapBytes() - heapBefore);

        long rows = metrics.rows();
        out.printf(Locale.ROOT, "Opvangmonitor benchmark: scale %s, seed %d, %d CSV rows in %d files, %d XLSX rows%n", scale, seed,
                data.csvRows(), data.csvFiles().size(), data.xlsxRows());
        out.printf("%-34s %12s %10s %14s%n", "phase", "rows", "seconds", "rows/s");
        line(out, "generate exports", data.csvRows() + data.xlsxRows(), generate);
        line(out, "DuckDB read_csv (baseline)", data.csvRows(), baseline);
        line(out, "peer: plain DuckDB SQL pipeline", peer.loaded() + peer.rejected(), peer.seconds());
        line(out, "load: stage (read, pseudonymise)*", rows, metrics.seconds(LoadMetrics.Phase.READ));
        line(out, "load: rules (convert, validate)*", rows, metrics.seconds(LoadMetrics.Phase.VALIDATE));
        line(out, "load: write facts and rejects*", rows, metrics.seconds(LoadMetrics.Phase.WRITE));
        line(out, "load: CSV files, file to facts", data.csvRows(), csvIngest);
        line(out, "load: XLSX file, file to facts", data.xlsxRows(), xlsxIngest);
        line(out, "load: budget lines (342 x 10 years)", data.budgetRows(), budgetIngest);
        line(out, "load: indicators", 0, metrics.seconds(LoadMetrics.Phase.INDICATORS));
        line(out, "load: checks", 0, metrics.seconds(LoadMetrics.Phase.CHECKS));
        line(out, "load: publish (incl. public db)", 0, metrics.seconds(LoadMetrics.Phase.PUBLISH));
        line(out, "load: total (exit " + exit + ")", balance.read(), load);
        line(out, "rerun, nothing new (exit " + rerunExit + ")", 0, rerun);
        line(out, "marts: all budget aggregates", budgetMartRows, budgetMarts);
        line(out, "marts: all indicator values", indicatorMartRows, indicatorMarts);
        line(out, "report: every area (exit " + reportExit + ")", reportAreas, report);
        line(out, "XLSX: plain POI SAX read", data.xlsxRows(), sax);
        line(out, "XLSX: our streaming reader", ourRows, ours);
        line(out, "CSV alone: file to facts (exit " + csvAlone.exit() + ")", csvAlone.balance().read(), csvAlone.seconds());
        // the workbook on its own, held to the heap of the target: a load that needed more would fail
        Path gcLog = workdir.resolve("xlsx-alone/gc.log");
        Alone alone = loadAlone(input, List.of(data.xlsx()), workdir.resolve("xlsx-alone"), List.of("-Xmx" + XLSX_HEAP_MB + "m",
                "-Xlog:gc:file=" + gcLog));
        long xlsxAlonePeakHeapMb = peakHeapBeforeCollectionMb(Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of());
        line(out, "XLSX alone: file to facts (exit " + alone.exit() + ")", alone.balance().read(), alone.seconds());
        out.printf("* summed over files, which load two at a time%n");
        out.printf(Locale.ROOT, "rows read %s; saxCells=%d; load peak heap %d MB%n", balance, saxCells, loadPeakHeap / (1 << 20));
        out.printf(Locale.ROOT, "XLSX alone: rows read %s; in a JVM of its own held to -Xmx%dm: most heap before a collection %d MB;"
                + " reader alone peak heap %d MB%n", alone.balance(), XLSX_HEAP_MB, xlsxAlonePeakHeapMb, xlsxPeakHeap / (1 << 20));
        out.printf(Locale.ROOT, "CSV alone: rows read %s; in the full load, beside the workbook and the budget: %.2f s (%.2f x read_csv)%n",
                csvAlone.balance(), csvIngest, csvIngest / baseline);
        out.printf(Locale.ROOT, "peer: CSV rows %d = loaded %d + rejected %d: %s%n", data.csvRows(), peer.loaded(), peer.rejected(),
                data.csvRows() == peer.loaded() + peer.rejected() ? "yes" : "NO");
        Night night = loadMonth(input, warehouse, scale, seed, loader);
        line(out, "night: one new month (exit " + night.exit() + ")", night.balance().read(), night.seconds());
        line(out, "night: indicators", 0, night.metrics().seconds(LoadMetrics.Phase.INDICATORS));
        line(out, "night: checks", 0, night.metrics().seconds(LoadMetrics.Phase.CHECKS));
        out.printf(Locale.ROOT, "night: rows read %s; scan %s (%s)%n", night.balance(), night.full() ? "full" : "incremental",
                night.scanReason());
        if (startupRuns > 0) {
            StartupBench.measure(input, warehouse, startupRuns, out);
        }
        out.printf(Locale.ROOT, "csv_ratio=%.2f peer_ratio=%.2f xlsx_seconds=%.2f xlsx_peak_heap_mb=%d night_indicators_checks_s=%.2f%n",
                csvAlone.seconds() / baseline, csvAlone.seconds() / peer.seconds(), alone.seconds(), xlsxAlonePeakHeapMb,
                night.metrics().seconds(LoadMetrics.Phase.INDICATORS) + night.metrics().seconds(LoadMetrics.Phase.CHECKS));
        return exit == 0 || exit == 2 ? 0 : exit;
    }

    record Night(int exit, double seconds, LoadMetrics metrics, Balance balance, boolean full, String scanReason) {
    }

    /** Rows read, loaded and rejected over files of the audit, and whether read = loaded + rejected held for each of them. */
    record Balance(long read, long loaded, long rejected, boolean balanced) {

        static Balance of(List<LoadFileRecord> files) {
            long read = files.stream().mapToLong(LoadFileRecord::getRowsRead).sum();
            long loaded = files.stream().mapToLong(LoadFileRecord::getRowsLoaded).sum();
            long rejected = files.stream().mapToLong(LoadFileRecord::getRowsRejected).sum();
            boolean balanced = !files.isEmpty() && files.stream().allMatch(f -> f.getRowsRead() == f.getRowsLoaded() + f.getRowsRejected());
            return new Balance(read, loaded, rejected, balanced);
        }

        /** {@code 120 = loaded 118 + rejected 2: yes}, as the bench prints it after "rows read". */
        @Override
        public String toString() {
            return read + " = loaded " + loaded + " + rejected " + rejected + ": " + (balanced && read == loaded + rejected ? "yes" : "NO");
        }
    }

    /**
     * The night that adds one month ({@link BenchData#month}) on top of the loaded years, loaded as a normal
     * incremental night: the load decides its scan by its own rules, a full scan being neither asked for nor due
     * (the full load minutes ago was one). Its files' balance and the scan come from the warehouse's audit.
     */
    private static Night loadMonth(Path input, Path warehouse, double scale, long seed, Loader loader) throws Exception {
        BenchData.month(input, scale, seed);
        LoadMetrics metrics = new LoadMetrics();
        long t = System.nanoTime();
        int exit = loader.load(metrics, "load", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--opvangmonitor.full-checks=false", "--opvangmonitor.full-checks-after-days=7");
        double seconds = seconds(t);
        try (Connection c = ReadOnlyWarehouse.connect(warehouse)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            long runId = dsl.select(DSL.max(RUN_SCAN.RUN_ID)).from(RUN_SCAN).fetchSingle().value1();
            var scan = dsl.selectFrom(RUN_SCAN).where(RUN_SCAN.RUN_ID.eq(runId)).fetchSingle();
            var files = dsl.selectFrom(LOAD_FILE).where(LOAD_FILE.RUN_ID.eq(runId)).fetch();
            return new Night(exit, seconds, metrics, Balance.of(files), scan.getIsFullScan(), scan.getReason());
        }
    }

    /** A load of some of the files on their own: its exit code, and the files as its audit has them. */
    record Alone(int exit, List<LoadFileRecord> files) {

        /** The wall time during which any of its files was loading (files load two at a time). */
        double seconds() {
            return wallSeconds(files.stream().map(f -> new LocalDateTime[] {f.getStartedAt(), f.getFinishedAt()}).toList());
        }

        Balance balance() {
            return Balance.of(files);
        }
    }

    /**
     * The given files of {@code input} loaded on their own into a warehouse of their own, in a JVM of their own started as
     * a nightly run starts (with the options of ./opvangmonitor that bench has, such as the start-up cache, and {@code jvmOptions}): nothing else on the cores,
     * as DuckDB's own {@code read_csv} has none beside it. The files are linked (copied where links are not possible) into
     * their source folders under {@code dir}; the load's output is in {@code load.log} beside them.
     */
    private static Alone loadAlone(Path input, List<Path> files, Path dir, List<String> jvmOptions) throws Exception {
        FileSystemUtils.deleteRecursively(dir);
        for (Path file : files) {
            Path linked = dir.resolve("input").resolve(input.relativize(file));
            Files.createDirectories(linked.getParent());
            try {
                Files.createLink(linked, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, linked);
            }
        }
        Path warehouse = dir.resolve("warehouse/opvangmonitor.duckdb");
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-XX:") && !option.startsWith("-XX:AOTCacheOutput")) {
                options.add(option); // what ./opvangmonitor starts a nightly load with too: its start-up cache, its compiler's thresholds
            }
        }
        options.addAll(jvmOptions);
        List<String> line = new ArrayList<>(StartupBench.launcher(options));
        line.addAll(List.of("load", "--input", dir.resolve("input").toString(), "--warehouse", warehouse.toString()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(dir.resolve("load.log").toFile()).start();
        int exit = process.waitFor();
        try (Connection c = ReadOnlyWarehouse.connect(warehouse)) {
            return new Alone(exit, DSL.using(c, SQLDialect.DUCKDB).selectFrom(LOAD_FILE).fetch());
        }
    }

    /**
     * The most heap in use before any collection, from the collector's log ({@code -Xlog:gc}: {@code Pause Young (Normal)
     * (G1 Evacuation Pause) 24M->5M(256M) 1.234ms}): the heap only grows between collections, so this is its peak, garbage
     * included. 0 when nothing was collected.
     */
    static long peakHeapBeforeCollectionMb(List<String> gcLog) {
        long peak = 0;
        for (String line : gcLog) {
            Matcher heap = GC_PAUSE_HEAP.matcher(line);
            if (heap.find()) {
                peak = Math.max(peak, Long.parseLong(heap.group(1)));
            }
        }
        return peak;
    }

    /** The length of the union of the intervals, in seconds. */
    static double wallSeconds(List<LocalDateTime[]> intervals) {
        List<LocalDateTime[]> sorted = new ArrayList<>(intervals);
        sorted.sort(java.util.Comparator.comparing(i -> i[0]));
        double total = 0;
        LocalDateTime start = null;
        LocalDateTime end = null;
        for (LocalDateTime[] i : sorted) {
            if (end == null || i[0].isAfter(end)) {
                if (end != null) {
                    total += Duration.between(start, end).toNanos() / 1e9;
                }
                start = i[0];
                end = i[1];
            } else if (i[1].isAfter(end)) {
                end = i[1];
            }
        }
        if (end != null) {
            total += Duration.between(start, end).toNanos() / 1e9;
        }
        return total;
    }

    private static void line(PrintStream out, String phase, long rows, double seconds) {
        out.printf(Locale.ROOT, "%-34s %12s %10.2f %14s%n", phase, rows == 0 ? "" : String.valueOf(rows), seconds,
                rows == 0 || seconds <= 0 ? "" : String.valueOf(Math.round(rows / seconds)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The baseline for XLSX: POI's own event API, formatted values, counting cells. */
    private static long plainSaxRead(Path xlsx) throws Exception {
        AtomicLong cells = new AtomicLong();
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                    new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) {
                        }

                        @Override
                        public void endRow(int rowNum) {
                        }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            cells.incrementAndGet();
                        }
                    }, new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
        }
        return cells.get();
    }

    private static long ourXlsxRead(Path xlsx) throws Exception {
        SourceColumns columns = SourceColumns.of(List.of("melding_id", "client_id", "meldingsdatum", "gemeente"), List.of(
                "vorm_geweld", "duur_geweld_maanden", "in_onderzoek", "veilig_na_12_maanden", "huisverbod", "aantal_kinderen_huisverbod",
                "intensief_casemanagement"));
        long rows = 0;
        try (TabularFile file = TabularFile.open(xlsx, 0, columns)) {
            while (file.next() != null) {
                rows++;
            }
        }
        return rows;
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
