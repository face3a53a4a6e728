package nl.opvangmonitor.common.load;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE;
import static org.jooq.impl.DSL.countDistinct;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * {@code load}: migrate the warehouse, run the load job over the input folder, print the run
 * summary and return the exit code (see {@link ExitCodes}).
 */
@Component
public class LoadCommand {

    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);

    private final Flyway flyway;
    private final JobOperator jobOperator;
    private final Job loadJob;
    private final LoadAudit audit;
    private final DSLContext dsl;
    private final OpvangmonitorProperties properties;

    public LoadCommand(Flyway warehouseFlyway, JobOperator jobOperator, Job loadJob, LoadAudit audit, DSLContext dsl,
                       OpvangmonitorProperties properties) {
        this.flyway = warehouseFlyway;
        this.jobOperator = jobOperator;
        this.loadJob = loadJob;
        this.audit = audit;
        this.dsl = dsl;
        this.properties = properties;
    }

    public int run(PrintStream out) {
        flyway.migrate();
        var input = properties.input().toAbsolutePath().normalize();
        long runId = audit.startRun(input);
        JobExecution execution;
        try {
            execution = jobOperator.start(loadJob, new JobParametersBuilder()
                    .addLong(LoadJobConfig.RUN_ID, runId)
                    .addString(LoadJobConfig.INPUT, input.toString(), false)
                    .toJobParameters());
        } catch (Exception e) {
            audit.finishRun(runId, null, "FAILED", ExitCodes.RUN_FAILED, e.getMessage());
            out.println("Run failed: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        Result<Record> files = dsl.select().from(LOAD_FILE).where(LOAD_FILE.RUN_ID.eq(runId)).orderBy(LOAD_FILE.FILE_ID).fetch();
        int exitCode;
        String status;
        String message = null;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            exitCode = ExitCodes.RUN_FAILED;
            status = "FAILED";
            message = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
        } else if (files.stream().anyMatch(f -> "FAILED".equals(f.get(LOAD_FILE.STATUS)))) {
            exitCode = ExitCodes.FILES_FAILED;
            status = "FILES_FAILED";
            message = files.stream().filter(f -> "FAILED".equals(f.get(LOAD_FILE.STATUS)))
                    .map(f -> f.get(LOAD_FILE.FILE_PATH) + ": " + f.get(LOAD_FILE.MESSAGE)).findFirst().orElse(null);
        } else if (files.stream().anyMatch(f -> f.get(LOAD_FILE.ROWS_REJECTED) != null && f.get(LOAD_FILE.ROWS_REJECTED) > 0)) {
            exitCode = ExitCodes.COMPLETED_WITH_REJECTS;
            status = "COMPLETED_WITH_REJECTS";
        } else {
            exitCode = ExitCodes.OK;
            status = "COMPLETED";
        }
        audit.finishRun(runId, execution.getId(), status, exitCode, message);
        printSummary(out, runId, execution, files, status, exitCode, message);
        return exitCode;
    }

    private void printSummary(PrintStream out, long runId, JobExecution execution, Result<Record> files, String status,
                              int exitCode, String message) {
        out.printf("Opvangmonitor load run %d  (input %s, warehouse %s)%n", runId, properties.input(), properties.warehouse());
        out.printf("%-18s %-52s %-10s %9s %9s %9s %8s%n", "source", "file", "status", "read", "loaded", "rejected", "seconds");
        boolean balanced = true;
        for (Record f : files) {
            long read = nz(f.get(LOAD_FILE.ROWS_READ));
            long loaded = nz(f.get(LOAD_FILE.ROWS_LOADED));
            long rejected = nz(f.get(LOAD_FILE.ROWS_REJECTED));
            balanced &= read == loaded + rejected;
            double seconds = f.get(LOAD_FILE.FINISHED_AT) == null ? 0
                    : Duration.between(f.get(LOAD_FILE.STARTED_AT), f.get(LOAD_FILE.FINISHED_AT)).toMillis() / 1000.0;
            out.printf(Locale.ROOT, "%-18s %-52s %-10s %9d %9d %9d %8.2f%n", f.get(LOAD_FILE.SOURCE), f.get(LOAD_FILE.FILE_PATH),
                    f.get(LOAD_FILE.STATUS), read, loaded, rejected, seconds);
            if (f.get(LOAD_FILE.MESSAGE) != null && "FAILED".equals(f.get(LOAD_FILE.STATUS))) {
                out.println("    file not loaded: " + f.get(LOAD_FILE.MESSAGE));
            }
            if (f.get(LOAD_FILE.IGNORED_COLUMNS) != null) {
                out.println("    columns ignored: " + f.get(LOAD_FILE.IGNORED_COLUMNS));
            }
            if (nz(f.get(LOAD_FILE.NOTE_ROWS_SKIPPED)) > 0) {
                out.println("    note rows below the data skipped: " + f.get(LOAD_FILE.NOTE_ROWS_SKIPPED));
            }
            if (rejected > 0) {
                out.println("    rejected rows: see audit.rejected_row where file_id = " + f.get(LOAD_FILE.FILE_ID));
            }
        }
        if (files.isEmpty()) {
            out.println("(no files found under " + properties.input() + ")");
        }
        out.println(balanced ? "Every file: rows read = rows loaded + rows rejected."
                : "WARNING: for some file rows read != rows loaded + rows rejected.");
        var indicators = dsl.select(countDistinct(FCT_INDICATOR_VALUE.INDICATOR_CODE), org.jooq.impl.DSL.count())
                .from(FCT_INDICATOR_VALUE).fetchOne();
        out.printf("Indicators: %d values for %d indicators.%n", indicators.value2(), indicators.value1());
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf(Locale.ROOT, "Result: %s (exit %d) in %.1f s%s%n", status, exitCode, took.toMillis() / 1000.0,
                message == null ? "" : " - " + message);
        log.info("load run {} finished: {} (exit {})", runId, status, exitCode);
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
