package nl.opvangmonitor.common.load;

import java.io.IOException;
import java.nio.file.Path;
import nl.opvangmonitor.common.io.FileRejectedException;
import nl.opvangmonitor.common.io.SourceRow;
import nl.opvangmonitor.common.io.SourceRowStream;
import nl.opvangmonitor.common.privacy.SafeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the one file of a partition (the path is in the partition's execution context) and
 * keeps its audit row. A file that cannot be read at all (missing columns, corrupt or protected
 * workbook) is marked FAILED with the reason and yields no rows, so the other files still load.
 * A file delivered before with the same content is recorded as SKIPPED and not read.
 */
class SourceFileReader implements ItemStreamReader<SourceRow>, StepExecutionListener {

    static final String FILE = "file";
    private static final Logger log = LoggerFactory.getLogger(SourceFileReader.class);

    private final SourceDefinition<?> source;
    private final LoadAudit audit;
    private long runId;
    private Path inputDir;
    private long fileId;
    private SourceRowStream tabular;
    private String failure;
    private long rowsRead;
    private long startedNanos;
    private boolean skipped;
    private final LoadMetrics metrics;

    SourceFileReader(SourceDefinition<?> source, LoadAudit audit, LoadMetrics metrics) {
        this.source = source;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        var parameters = stepExecution.getJobExecution().getJobParameters();
        runId = (Long) parameters.getParameter(LoadJobConfig.RUN_ID).value();
        inputDir = Path.of((String) parameters.getParameter(LoadJobConfig.INPUT).value());
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        Path file = Path.of(context.getString(FILE));
        failure = null;
        rowsRead = 0;
        startedNanos = System.nanoTime();
        skipped = false;
        LoadAudit.Registration registration = audit.register(runId, source.folder(), inputDir, file);
        fileId = registration.fileId();
        if (registration.skipped()) {
            skipped = true;
            tabular = null;
            log.info("{}: {} unchanged since file {}: skipped", source.name(), LoadAudit.relative(inputDir, file), registration.loadedAs());
            return;
        }
        try {
            tabular = source.opener().open(file, fileId, source.columns());
        } catch (FileRejectedException e) {
            fail(SafeMessage.of(e));
        } catch (RuntimeException e) {
            fail("cannot read the file: " + SafeMessage.of(e));
        }
    }

    /** The file fails whole (its rows written so far are removed when the step ends); it yields no more rows. */
    void fail(String message) {
        if (failure != null) {
            return;
        }
        failure = message;
        audit.failFile(fileId, message);
        log.warn("{}: file {} not loaded: {}", source.name(), fileId, message);
    }

    boolean failed() {
        return failure != null;
    }

    @Override
    public SourceRow read() {
        if (tabular == null || failure != null) {
            return null;
        }
        long start = System.nanoTime();
        SourceRow row;
        try {
            row = tabular.next();
        } catch (IOException | RuntimeException e) {
            fail("cannot read the file: " + SafeMessage.of(e));
            log.debug("{}: file {} failure", source.name(), fileId, e);
            return null;
        }
        metrics.since(LoadMetrics.Phase.READ, start);
        if (row != null) {
            metrics.addRows(1);
            rowsRead++;
            if (rowsRead % 500_000 == 0) {
                double seconds = (System.nanoTime() - startedNanos) / 1e9;
                log.info("{}: file {}: {} rows read ({} rows/s)", source.name(), fileId, rowsRead, Math.round(rowsRead / seconds));
            }
        }
        return row;
    }

    @Override
    public void close() {
        if (tabular != null) {
            try {
                tabular.close();
            } catch (IOException e) {
                log.warn("{}: closing file {}: {}", source.name(), fileId, SafeMessage.of(e));
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (skipped) {
            return stepExecution.getExitStatus();
        }
        String stepFailure = failure;
        if (stepFailure == null && !stepExecution.getFailureExceptions().isEmpty()) {
            Throwable t = stepExecution.getFailureExceptions().getFirst();
            stepFailure = "load failed: " + SafeMessage.of(t);
        }
        String ignored = tabular == null || tabular.ignoredColumns().isEmpty() ? null : String.join(", ", tabular.ignoredColumns());
        long notes = tabular == null ? 0 : tabular.noteRowsSkipped();
        audit.finishFile(fileId, rowsRead, source.writer().table(), source.writer().tables(), notes, ignored, stepFailure);
        double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001);
        log.info("{}: file {} done: {} rows in {} s ({} rows/s)", source.name(), fileId, rowsRead,
                String.format(java.util.Locale.ROOT, "%.2f", seconds), Math.round(rowsRead / seconds));
        return stepExecution.getExitStatus();
    }
}
