package nl.opvangmonitor.common.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * {@code history}: past load runs from Spring Batch's job repository, newest first, including
 * runs that were never published (failed checks, a failed run, an interrupted process).
 */
@Component
public class HistoryCommand {

    private final JobRepository jobRepository;
    private final OpvangmonitorProperties properties;

    public HistoryCommand(JobRepository jobRepository, OpvangmonitorProperties properties) {
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    public int run(PrintStream out) throws IOException {
        // a run the repository calls running while no load holds the lock was killed (the next load records it)
        String running = LoadLock.busy(properties.warehouse().toAbsolutePath()) == null ? "INTERRUPTED" : "RUNNING";
        out.printf("%9s %5s %-19s %-19s %-22s %4s %5s %10s %9s %7s %s%n", "execution", "run", "started", "finished", "status",
                "exit", "files", "rows", "rejected", "checks", "published");
        for (JobInstance instance : jobRepository.getJobInstances("loadJob", 0, 100)) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                var c = e.getExecutionContext();
                String status = c.containsKey("status") ? c.getString("status")
                        : e.isRunning() ? running : e.getExitStatus().getExitCode();
                out.printf(Locale.ROOT, "%9d %5s %-19s %-19s %-22s %4s %5s %10s %9s %7s %s%n", e.getId(),
                        c.containsKey("runId") ? String.valueOf(c.getLong("runId")) : "",
                        time(e.getStartTime()), time(e.getEndTime()), status,
                        c.containsKey("exitCode") ? String.valueOf(c.getInt("exitCode")) : "",
                        c.containsKey("files") ? String.valueOf(c.getInt("files")) : "",
                        c.containsKey("rowsRead") ? String.valueOf(c.getLong("rowsRead")) : "",
                        c.containsKey("rowsRejected") ? String.valueOf(c.getLong("rowsRejected")) : "",
                        c.containsKey("checks") ? c.getString("checks") : "",
                        c.containsKey("published") ? c.getString("published") : "no");
            }
        }
        return ExitCodes.OK;
    }

    /** Always with seconds: {@code LocalDateTime.toString()} drops ":00", which makes columns ragged. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }
}
