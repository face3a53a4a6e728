package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.FileStatus;
import nl.opvangmonitor.ingest.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.opvangmonitor.warehouse.checks.CheckRunner;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

    private static final CheckRunner.Outcome PASSED = new CheckRunner.Outcome("mart.indicator_yearly", "unique", true, 0, null);
    private static final CheckRunner.Outcome FAILED_CHECK =
            new CheckRunner.Outcome("mart.indicator_yearly", "not_null(unit)", false, 3, "3 row(s) with unit null");
    private static final RunOutcome.FileResult LOADED = new RunOutcome.FileResult(FileStatus.LOADED, "veiligthuis/a.csv", null, 0);
    private static final RunOutcome.FileResult WITH_REJECTS = new RunOutcome.FileResult(FileStatus.LOADED, "veiligthuis/b.csv", null, 2);
    private static final RunOutcome.FileResult SKIPPED = new RunOutcome.FileResult(FileStatus.SKIPPED, "veiligthuis/c.csv", "as file 1", 0);
    private static final RunOutcome.FileResult BROKEN =
            new RunOutcome.FileResult(FileStatus.FAILED, "opvang/verblijven/d.xlsx", "missing column startdatum", 0);

    @Test
    void of_whenEveryFileLoadedWithoutRejects_thenCompletedExit0AndPublished() {
        RunOutcome outcome = RunOutcome.of(null, List.of(PASSED), List.of(LOADED, SKIPPED));

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.COMPLETED, 0, null));
        assertThat(outcome.publishes()).isTrue();
    }

    @Test
    void of_whenNoFilesAtAll_thenCompletedExit0() {
        assertThat(RunOutcome.of(null, List.of(), List.of())).isEqualTo(new RunOutcome(RunStatus.COMPLETED, 0, null));
    }

    @Test
    void of_whenRowsRejected_thenCompletedWithRejectsExit2AndPublished() {
        RunOutcome outcome = RunOutcome.of(null, List.of(PASSED), List.of(LOADED, WITH_REJECTS));

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.COMPLETED_WITH_REJECTS, 2, null));
        assertThat(outcome.publishes()).isTrue();
    }

    @Test
    void of_whenAFileFailed_thenFilesFailedExit3NamingTheFileAndPublished() {
        RunOutcome outcome = RunOutcome.of(null, List.of(PASSED), List.of(WITH_REJECTS, BROKEN, LOADED));

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.FILES_FAILED, 3, "opvang/verblijven/d.xlsx: missing column startdatum"));
        assertThat(outcome.publishes()).isTrue();
    }

    @Test
    void of_whenACheckFailed_thenChecksFailedExit4NamingTheCheckAndNotPublished() {
        RunOutcome outcome = RunOutcome.of(null, List.of(PASSED, FAILED_CHECK), List.of(BROKEN));

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.CHECKS_FAILED, 4,
                "check mart.indicator_yearly not_null(unit) failed: 3 row(s) with unit null"));
        assertThat(outcome.publishes()).isFalse();
    }

    @Test
    void of_whenTheJobFailed_thenFailedExit1WithItsReasonAndNotPublished() {
        RunOutcome outcome = RunOutcome.of("disk full", List.of(), List.of(LOADED));

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.FAILED, 1, "disk full"));
        assertThat(outcome.publishes()).isFalse();
    }

    @Test
    void publishFailed_whenAPublishableRunCouldNotPublish_thenPublishFailedExit1AndNotPublished() {
        RunOutcome outcome = RunOutcome.of(null, List.of(PASSED), List.of(WITH_REJECTS)).publishFailed("cannot rename");

        assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.PUBLISH_FAILED, 1, "publish failed: cannot rename"));
        assertThat(outcome.publishes()).isFalse();
    }
}
