package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.RunStatus;

import org.springframework.batch.core.BatchStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.warehouse.WarehouseConfig;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * {@code history}: past load runs from Spring Batch's job repository, newest first, including
 * runs that were never published (failed checks, a failed run, an interrupted process). Reads the
 * repository's tables directly, without starting Spring: a command that only reads answers at once.
 */
public final class HistoryCommand {

    private static final Set<String> RUNNING = Set.of(BatchStatus.STARTING.name(), BatchStatus.STARTED.name(), BatchStatus.STOPPING.name());

    private final Path warehouse;

    public HistoryCommand(Path warehouse) {
        this.warehouse = warehouse;
    }

    public int run(PrintStream out) throws SQLException, IOException {
        Path file = WarehouseConfig.jobRepositoryFile(warehouse);
        if (!Files.exists(file)) {
            out.println("No load has run yet with warehouse " + warehouse + " (no job repository " + file.getFileName() + ").");
            return ExitCodes.OK;
        }
        out.printf("%9s %5s %-19s %-19s %-22s %4s %5s %10s %9s %7s %-11s %s%n", "execution", "run", "started", "finished", "status",
                "exit", "files", "rows", "rejected", "checks", "scan", "published");
        // a run the repository calls running while no load holds the lock was killed (the next load records it)
        String running = LoadLock.busy(warehouse.toAbsolutePath()) == null ? RunStatus.INTERRUPTED.name() : RunStatus.RUNNING.name();
        try (Connection c = DriverManager.getConnection(WarehouseConfig.jobRepositoryUrl(warehouse) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
             Statement s = c.createStatement();
             ResultSet e = s.executeQuery("""
                     SELECT e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE,
                            coalesce(c.SERIALIZED_CONTEXT, c.SHORT_CONTEXT) AS CONTEXT
                     FROM BATCH_JOB_EXECUTION e
                     JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                     LEFT JOIN BATCH_JOB_EXECUTION_CONTEXT c ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                     WHERE i.JOB_NAME = 'loadJob'
                     ORDER BY e.JOB_EXECUTION_ID DESC
                     LIMIT 1000""")) {
            while (e.next()) {
                Map<String, Object> context = context(e.getString("CONTEXT"));
                String status = context.containsKey("status") ? (String) context.get("status")
                        : RUNNING.contains(e.getString("STATUS")) ? running : e.getString("EXIT_CODE");
                out.printf(Locale.ROOT, "%9d %5s %-19s %-19s %-22s %4s %5s %10s %9s %7s %-11s %s%n", e.getLong("JOB_EXECUTION_ID"),
                        value(context, "runId"), time(e.getTimestamp("START_TIME")), time(e.getTimestamp("END_TIME")), status,
                        value(context, "exitCode"), value(context, "files"), value(context, "rowsRead"), value(context, "rowsRejected"),
                        value(context, "checks"), value(context, "scan"), context.containsKey("published") ? context.get("published") : "no");
            }
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> context(String serialized) throws IOException {
        if (serialized == null || serialized.isBlank()) {
            return Map.of();
        }
        return new DefaultExecutionContextSerializer().deserialize(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.UTF_8)));
    }

    private static String value(Map<String, Object> context, String key) {
        return context.containsKey(key) ? String.valueOf(context.get(key)) : "";
    }

    /** Always with seconds: {@code LocalDateTime.toString()} drops ":00", which makes columns ragged. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String time(Timestamp t) {
        return t == null ? "" : time(t.toLocalDateTime());
    }
}
