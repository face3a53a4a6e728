package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.Deliveries;
import nl.opvangmonitor.ingest.FileStatus;
import nl.opvangmonitor.ingest.LoadAudit;
import nl.opvangmonitor.ingest.LoadJobConfig;
import nl.opvangmonitor.ingest.LoadMetrics;
import nl.opvangmonitor.ingest.LoadSummaryNotes;
import nl.opvangmonitor.ingest.RunStatus;
import nl.opvangmonitor.ingest.ScanScope;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_INDICATOR_VALUE;
import static org.jooq.impl.DSL.countDistinct;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import nl.opvangmonitor.warehouse.checks.Check;
import nl.opvangmonitor.warehouse.checks.CheckRunner;
import nl.opvangmonitor.privacy.SafeMessage;
import nl.opvangmonitor.publish.PublicDatabase;
import nl.opvangmonitor.publish.StorageVersion;
import nl.opvangmonitor.publish.WarehouseFiles;
import java.time.Duration;
import java.util.Locale;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.privacy.SafeMessage;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code load}: when the input holds anything new, copy the published warehouse to a build,
 * migrate it, run the load job, run the checks, print the run summary and publish the build with
 * one atomic rename (or keep yesterday's warehouse when the run or a check failed). Returns the
 * exit code (see {@link ExitCodes}).
 */
@Component
public class LoadCommand {

    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);

    private final Flyway flyway;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job loadJob;
    private final LoadAudit audit;
    private final DSLContext dsl;
    private final DataSource warehouseDataSource;
    private final Deliveries deliveries;
    private final CheckRunner checkRunner;
    private final OpvangmonitorProperties properties;
    private final ObjectProvider<LoadSummaryNotes> summaryNotes;
    private final LoadMetrics metrics;

    public LoadCommand(Flyway warehouseFlyway, JobOperator jobOperator, JobRepository jobRepository, Job loadJob, LoadAudit audit,
                       DSLContext dsl, DataSource warehouseDataSource, Deliveries deliveries, CheckRunner checkRunner,
                       OpvangmonitorProperties properties, ObjectProvider<LoadSummaryNotes> summaryNotes, LoadMetrics metrics) {
        this.metrics = metrics;
        this.flyway = warehouseFlyway;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.loadJob = loadJob;
        this.audit = audit;
        this.dsl = dsl;
        this.warehouseDataSource = warehouseDataSource;
        this.deliveries = deliveries;
        this.checkRunner = checkRunner;
        this.properties = properties;
        this.summaryNotes = summaryNotes;
    }

    /** Runs a load; {@code lock} is this warehouse's {@link LoadLock}, taken before the job repository was opened. */
    public int run(PrintStream out, LoadLock lock) {
        Path published = properties.warehouse().toAbsolutePath();
        Path build = properties.databaseFile();
        if (build.equals(published)) {
            throw new SafeMessage.SafeFailure("a load writes a build file, never the published warehouse itself");
        }
        abandonInterruptedRuns(out, lock.interrupted());
        lock.recorded();
        return runLocked(out, published, build);
    }

    /** Detect, migrate, launch, classify, print, publish, record. */
    private int runLocked(PrintStream out, Path published, Path build) {
        List<Check> checks = checkRunner.declarations();
        var input = properties.input().toAbsolutePath().normalize();
        String nothingNew = nothingNew(properties, deliveries);
        if (nothingNew != null) {
            out.println(nothingNew);
            ensurePublicCurrent(out, published);
            return ExitCodes.OK;
        }
        String convertedFrom = WarehouseFiles.prepareBuild(published, build, properties.storageVersion());
        int migrations = flyway.migrate().migrationsExecuted;
        long runId = audit.startRun(input);
        ScanScope.Scope scope = ScanScope.decide(dsl, runId, properties.fullChecks(), properties.fullChecksAfterDays(), migrations);
        JobExecution execution;
        try {
            execution = launch(runId, input);
        } catch (Exception e) {
            audit.finishRun(runId, null, RunStatus.FAILED, ExitCodes.RUN_FAILED, SafeMessage.of(e));
            out.println("Run failed: " + RunFailure.reason(e));
            closeWarehouse();
            WarehouseFiles.keepFailed(build, published);
            return ExitCodes.RUN_FAILED;
        }
        Result<Record> files = dsl.select().from(LOAD_FILE).where(LOAD_FILE.RUN_ID.eq(runId)).orderBy(LOAD_FILE.FILE_ID).fetch();
        String jobFailure = execution.getStatus() == BatchStatus.COMPLETED ? null : execution.getAllFailureExceptions().stream()
                .findFirst().map(SafeMessage::of).orElse(SafeMessage.scrub(execution.getExitStatus().getExitDescription()));
        List<CheckRunner.Outcome> outcomes = jobFailure == null ? runChecks(runId, checks) : List.of();
        RunOutcome outcome = RunOutcome.of(jobFailure, outcomes, files.map(LoadCommand::fileResult));
        audit.finishRun(runId, execution.getId(), outcome.status(), outcome.exitCode(), outcome.message());
        printSummary(out, runId, files, outcomes);
        long publishStarted = System.nanoTime();
        outcome = publish(out, outcome, build, published, convertedFrom);
        metrics.since(LoadMetrics.Phase.PUBLISH, publishStarted);
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf(Locale.ROOT, "Result: %s (exit %d) in %.1f s%s%n", outcome.status(), outcome.exitCode(), took.toMillis() / 1000.0,
                outcome.message() == null ? "" : " - " + outcome.message());
        remember(execution, runId, outcome, files, outcomes, scope);
        log.info("load run {} finished: {} (exit {})", runId, outcome.status(), outcome.exitCode());
        return outcome.exitCode();
    }

    private JobExecution launch(long runId, Path input) throws Exception {
        return jobOperator.start(loadJob, new JobParametersBuilder()
                .addLong(LoadJobConfig.RUN_ID, runId)
                .addString(LoadJobConfig.STARTED_AT, LocalDateTime.now().toString())
                .addString(LoadJobConfig.INPUT, input.toString(), false)
                .toJobParameters());
    }

    private List<CheckRunner.Outcome> runChecks(long runId, List<Check> checks) {
        long started = System.nanoTime();
        try {
            return checkRunner.run(runId, checks);
        } finally {
            metrics.since(LoadMetrics.Phase.CHECKS, started);
        }
    }

    private static RunOutcome.FileResult fileResult(Record f) {
        return new RunOutcome.FileResult(FileStatus.valueOf(f.get(LOAD_FILE.STATUS)), f.get(LOAD_FILE.FILE_PATH),
                f.get(LOAD_FILE.MESSAGE), nz(f.get(LOAD_FILE.ROWS_REJECTED)));
    }

    /**
     * Closes the build and publishes it with the public database when the outcome allows, else keeps it as the
     * failed build; prints which. Returns the outcome, which a failed publish turns into PUBLISH_FAILED.
     */
    private RunOutcome publish(PrintStream out, RunOutcome outcome, Path build, Path published, String convertedFrom) {
        closeWarehouse();
        if (outcome.publishes()) {
            try {
                publishTogether(build, published);
                if (convertedFrom != null) {
                    out.println("Converted from DuckDB storage version " + convertedFrom + " to " + properties.storageVersion()
                            + " (opvangmonitor.storage-version): " + StorageVersion.readers(properties.storageVersion()) + " open both files.");
                }
                out.println("Published " + properties.warehouse() + " (data team) and " + properties.publicFile()
                        + " (analysts and BI: marts only, cells under " + properties.suppression().minCount() + " suppressed).");
                return outcome;
            } catch (RuntimeException e) {
                // nothing is published: the result says so, and the next night tries again
                log.debug("publish failed", e);
                outcome = outcome.publishFailed(RunFailure.reason(e));
            }
        }
        WarehouseFiles.keepFailed(build, published);
        out.println("Not published: yesterday's warehouse stays in place; the failed build is kept as "
                + WarehouseFiles.failedBuildFor(published) + ".");
        return outcome;
    }

    /**
     * The line to print when the input holds nothing the published warehouse lacks and the warehouse is
     * in the configured storage version, or null when there is work. Needs no Spring: the command line
     * asks it (with {@link #publicFileCurrent}) before starting a load, so that a quiet night costs a second.
     */
    public static String nothingNew(OpvangmonitorProperties properties, Deliveries deliveries) {
        Path published = properties.warehouse().toAbsolutePath();
        List<Deliveries.Delivery> found = deliveries.scan();
        if (Files.exists(published) && !deliveries.anythingNew(found) && writtenIn(published, properties)) {
            return String.format("Nothing new: the %d file(s) under %s are loaded already; the published warehouse %s is unchanged.",
                    found.size(), properties.input(), properties.warehouse());
        }
        return null;
    }

    /** The public database exists, holds the published warehouse's last run and is in the configured storage version. */
    public static boolean publicFileCurrent(OpvangmonitorProperties properties) {
        return PublicDatabase.isCurrent(properties.warehouse().toAbsolutePath(), properties.publicFile())
                && writtenIn(properties.publicFile(), properties);
    }

    /** Whether a published file is written in the configured storage version; a missing file counts as not. */
    private static boolean writtenIn(Path file, OpvangmonitorProperties properties) {
        try {
            return Files.exists(file) && StorageVersion.of(file).equals(properties.storageVersion());
        } catch (java.sql.SQLException e) {
            return false; // unreadable: build anew
        }
    }

    /** Builds the public database beside its target from the closed build, then publishes both together. */
    private void publishTogether(Path build, Path published) {
        Path publicBuild = buildPublic(build);
        WarehouseFiles.publishTogether(build, published, publicBuild, properties.publicFile());
    }

    /**
     * A night with nothing new still makes sure the public database exists, holds the published
     * warehouse's last run and is in the configured storage version (a publish that failed halfway, a
     * deleted file): otherwise it is rebuilt.
     */
    private void ensurePublicCurrent(PrintStream out, Path published) {
        Path publicFile = properties.publicFile();
        if (publicFileCurrent(properties)) {
            return;
        }
        WarehouseFiles.publish(buildPublic(published), publicFile);
        WarehouseFiles.verifyReadOnly(publicFile);
        out.println("The public database " + publicFile + " was missing or not current; it is rebuilt from the published warehouse.");
    }

    /** Writes the public database from a closed warehouse file beside its target; returns the build. */
    private Path buildPublic(Path warehouse) {
        Path publicBuild = WarehouseFiles.publicBuildFor(properties.publicFile());
        try {
            Files.createDirectories(publicBuild.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PublicDatabase.buildFrom(warehouse, publicBuild, properties.storageVersion(), properties.suppression().minCount(),
                properties.suppression().roundTo(), properties.parquet() == null ? null : properties.parquet().toAbsolutePath());
        return publicBuild;
    }

    /**
     * A load killed earlier (kill -9, power loss) left its job execution STARTED, or its job finished but
     * its outcome was never recorded (killed during the checks or the publish), or it died before its job
     * execution existed (the lock file still names it): each is recorded as INTERRUPTED, so history shows
     * every killed run. Its build is discarded.
     */
    private void abandonInterruptedRuns(PrintStream out, List<LoadLock.Holder> killed) {
        List<JobExecution> executions = new java.util.ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(loadJob.getName(), 0, 20)) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        for (JobExecution e : executions) {
            if (e.isRunning() || !e.getExecutionContext().containsKey("status")) {
                if (e.isRunning()) {
                    e.setStatus(BatchStatus.ABANDONED);
                    e.setEndTime(LocalDateTime.now());
                }
                interrupted(e);
                out.println("Run of job execution " + e.getId() + " was interrupted; its unfinished build is discarded and the work is done again.");
            }
        }
        for (int i = 0; i < killed.size(); i++) {
            LoadLock.Holder k = killed.get(i);
            LocalDateTime next = i + 1 < killed.size() ? killed.get(i + 1).startedAt() : null;
            // recorded already: its own job ran (it started between its lock line and the next), or a record was made for it
            boolean recorded = executions.stream().anyMatch(e -> k.matches(e.getJobParameters().getParameter(PID))
                    || e.getJobParameters().getParameter(PID) == null && e.getStartTime() != null
                    && !e.getStartTime().isBefore(k.startedAt()) && (next == null || e.getStartTime().isBefore(next)));
            if (recorded) {
                continue;
            }
            JobParameters parameters = new JobParametersBuilder().addLong(LoadJobConfig.RUN_ID, 0L)
                    .addString(LoadJobConfig.STARTED_AT, k.startedAt().toString()).addLong(PID, k.pid()).toJobParameters();
            JobExecution e = jobRepository.createJobExecution(jobRepository.createJobInstance(loadJob.getName(), parameters),
                    parameters, new ExecutionContext());
            e.setStartTime(k.startedAt());
            e.setStatus(BatchStatus.ABANDONED);
            e.setEndTime(LocalDateTime.now());
            interrupted(e);
            out.println("The load started " + HistoryCommand.time(k.startedAt()) + " (pid " + k.pid()
                    + ") was interrupted before its job started; the work is done again.");
        }
    }

    /** Job parameter of the record of a load that was killed before its job started: its process id. */
    private static final String PID = "pid";

    private void interrupted(JobExecution e) {
        e.setExitStatus(new ExitStatus(RunStatus.INTERRUPTED.name(), "the process stopped before the run finished; its build was discarded"));
        jobRepository.update(e);
        e.getExecutionContext().putString("status", RunStatus.INTERRUPTED.name());
        e.getExecutionContext().putString("published", "no");
        jobRepository.updateExecutionContext(e);
    }

    /** Keeps the run's outcome in the job repository, where history finds runs that were never published too. */
    private void remember(JobExecution execution, long runId, RunOutcome outcome, Result<Record> files,
                          List<CheckRunner.Outcome> outcomes, ScanScope.Scope scope) {
        var context = execution.getExecutionContext();
        context.putLong("runId", runId);
        context.putString("status", outcome.status().name());
        context.putInt("exitCode", outcome.exitCode());
        context.putInt("files", files.size());
        context.putLong("rowsRead", files.stream().mapToLong(f -> nz(f.get(LOAD_FILE.ROWS_READ))).sum());
        context.putLong("rowsRejected", files.stream().mapToLong(f -> nz(f.get(LOAD_FILE.ROWS_REJECTED))).sum());
        context.putString("checks", outcomes.stream().filter(CheckRunner.Outcome::passed).count() + "/" + outcomes.size());
        context.putString("published", outcome.publishes() ? "yes" : "no");
        context.putString("scan", scope.full() ? "full" : "incremental");
        jobRepository.updateExecutionContext(execution);
    }

    private void closeWarehouse() {
        try {
            dsl.query("CHECKPOINT").execute();
        } finally {
            if (warehouseDataSource instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The run summary up to its result line, which follows the publish (the publish can still fail). */
    private void printSummary(PrintStream out, long runId, Result<Record> files, List<CheckRunner.Outcome> outcomes) {
        out.printf("Opvangmonitor load run %d  (input %s, warehouse %s)%n", runId, properties.input(), properties.warehouse());
        out.printf("%-18s %-52s %-10s %9s %9s %9s %8s%n", "source", "file", "status", "read", "loaded", "rejected", "seconds");
        boolean balanced = true;
        for (Record f : files) {
            long read = nz(f.get(LOAD_FILE.ROWS_READ));
            long loaded = nz(f.get(LOAD_FILE.ROWS_LOADED));
            long rejected = nz(f.get(LOAD_FILE.ROWS_REJECTED));
            FileStatus status = FileStatus.valueOf(f.get(LOAD_FILE.STATUS));
            balanced &= status != FileStatus.LOADED || read == loaded + rejected;
            double seconds = f.get(LOAD_FILE.FINISHED_AT) == null ? 0
                    : Duration.between(f.get(LOAD_FILE.STARTED_AT), f.get(LOAD_FILE.FINISHED_AT)).toMillis() / 1000.0;
            out.printf(Locale.ROOT, "%-18s %-52s %-10s %9d %9d %9d %8.2f%n", f.get(LOAD_FILE.SOURCE), f.get(LOAD_FILE.FILE_PATH),
                    f.get(LOAD_FILE.STATUS), read, loaded, rejected, seconds);
            if (f.get(LOAD_FILE.MESSAGE) != null && status == FileStatus.FAILED) {
                out.println("    file not loaded: " + f.get(LOAD_FILE.MESSAGE));
            }
            if (status == FileStatus.SKIPPED) {
                out.println("    unchanged: " + f.get(LOAD_FILE.MESSAGE));
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
            summaryNotes.orderedStream().forEach(n -> n.fileNotes(f.get(LOAD_FILE.FILE_ID)).forEach(line -> out.println("    " + line)));
        }
        if (files.isEmpty()) {
            out.println("(no files found under " + properties.input() + ")");
        }
        out.println(balanced ? "Every file: rows read = rows loaded + rows rejected."
                : "WARNING: for some file rows read != rows loaded + rows rejected.");
        var indicators = dsl.select(countDistinct(FCT_INDICATOR_VALUE.INDICATOR_CODE), org.jooq.impl.DSL.count())
                .from(FCT_INDICATOR_VALUE).fetchOne();
        out.printf("Indicators: %d values for %d indicators.%n", indicators.value2(), indicators.value1());
        summaryNotes.orderedStream().forEach(n -> n.runNotes(runId).forEach(out::println));
        long passed = outcomes.stream().filter(CheckRunner.Outcome::passed).count();
        ScanScope.Scope scope = ScanScope.of(dsl, runId);
        out.printf("Checks: %d of %d passed.%n", passed, outcomes.size());
        out.println(scope.full() ? "Scan: full (BSN guard and indicators over all of history): " + scope.reason() + "."
                : "Scan: incremental (BSN guard over this run's files; indicators of " + ScanScope.affectedYearsText(dsl, runId)
                        + "; " + scope.reason() + ").");
        outcomes.stream().filter(o -> !o.passed())
                .forEach(o -> out.println("    FAILED " + o.model() + " " + o.name() + ": " + o.message()));
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
