package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.FileStatus;
import nl.opvangmonitor.ingest.RunStatus;

import java.util.List;
import nl.opvangmonitor.warehouse.checks.CheckRunner;

/**
 * What a load run comes to, from what its job, checks and files did: its status, exit code and the
 * one-line message of the result line. A pure function of its inputs, so every outcome is tested
 * without running a load.
 *
 * @param message the first reason of a failure, or null
 */
public record RunOutcome(RunStatus status, int exitCode, String message) {

    /** A file of the run as the outcome needs it: status, path, why it failed, rows rejected. */
    public record FileResult(FileStatus status, String path, String message, long rowsRejected) {
    }

    /**
     * @param jobFailure null when the job completed, else why it failed (already safe to print)
     * @param checks     the outcomes of the checks (empty when the job failed: they did not run)
     */
    public static RunOutcome of(String jobFailure, List<CheckRunner.Outcome> checks, List<FileResult> files) {
        if (jobFailure != null) {
            return new RunOutcome(RunStatus.FAILED, ExitCodes.RUN_FAILED, jobFailure);
        }
        var failedCheck = checks.stream().filter(o -> !o.passed()).findFirst();
        if (failedCheck.isPresent()) {
            var c = failedCheck.get();
            return new RunOutcome(RunStatus.CHECKS_FAILED, ExitCodes.CHECKS_FAILED,
                    "check " + c.model() + " " + c.name() + " failed: " + c.message());
        }
        var failedFile = files.stream().filter(f -> f.status() == FileStatus.FAILED).findFirst();
        if (failedFile.isPresent()) {
            return new RunOutcome(RunStatus.FILES_FAILED, ExitCodes.FILES_FAILED, failedFile.get().path() + ": " + failedFile.get().message());
        }
        if (files.stream().anyMatch(f -> f.rowsRejected() > 0)) {
            return new RunOutcome(RunStatus.COMPLETED_WITH_REJECTS, ExitCodes.COMPLETED_WITH_REJECTS, null);
        }
        return new RunOutcome(RunStatus.COMPLETED, ExitCodes.OK, null);
    }

    /** The outcome once the publish of a publishable run failed: nothing is published. */
    public RunOutcome publishFailed(String reason) {
        return new RunOutcome(RunStatus.PUBLISH_FAILED, ExitCodes.RUN_FAILED, "publish failed: " + reason);
    }

    /** Whether the build is published: every outcome but a failed job or check (failed files leave the rest worth publishing). */
    public boolean publishes() {
        return status == RunStatus.COMPLETED || status == RunStatus.COMPLETED_WITH_REJECTS || status == RunStatus.FILES_FAILED;
    }
}
