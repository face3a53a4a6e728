package nl.opvangmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;

class LargestFileFirstTest {

    @TempDir
    Path temp;

    @Test
    void handle_whenFilesOfDifferentKindAndSize_thenWorkbookFirstThenLargestToSmallest() throws Exception {
        // given: partitions in an order that is neither by name nor by size
        Path small = write("a_klein.csv", 10);
        Path workbook = write("b_werkmap.xlsx", 5);
        Path large = write("c_groot.csv", 1000);
        Path middle = write("d_middel.csv", 100);
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "loadJob"), new JobParameters());
        Set<StepExecution> partitions = new LinkedHashSet<>();
        long id = 1;
        for (Path file : List.of(small, middle, workbook, large)) {
            StepExecution partition = new StepExecution(id++, "file" + id, job);
            partition.getExecutionContext().putString(SourceFilePartitioner.FILE, file.toString());
            partitions.add(partition);
        }
        List<String> started = new ArrayList<>();
        LargestFileFirst handler = new LargestFileFirst();
        handler.setTaskExecutor(new SyncTaskExecutor());
        handler.setStep(execution -> started.add(Path.of(execution.getExecutionContext().getString(SourceFilePartitioner.FILE)).getFileName().toString()));

        // when
        handler.doHandle(new StepExecution(99L, "manager", job), partitions);

        // then: the executor receives them in this order, so the first two to start are the slowest
        assertThat(started).containsExactly("b_werkmap.xlsx", "c_groot.csv", "d_middel.csv", "a_klein.csv");
    }

    private Path write(String name, int bytes) throws Exception {
        return Files.write(temp.resolve(name), new byte[bytes]);
    }
}
