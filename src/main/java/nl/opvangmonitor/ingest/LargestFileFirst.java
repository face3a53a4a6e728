package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts the files of a source that take longest first: workbooks (they stream through Java), then the
 * other files from large to small. Spring Batch hands partitions to the executor in no fixed order; with
 * two files at a time, a large CSV file started last would leave one core idle at the end of the source.
 * A workbook keeps both cores busy on its own (a parser thread and the appender): loaded last it took as
 * long in all (BENCHMARKS.md), so it stays first, beside the CSV files of its source.
 */
final class LargestFileFirst extends TaskExecutorPartitionHandler {

    /** Workbooks first, then from large to small. */
    static final Comparator<Path> LONGEST_FIRST = Comparator.comparing((Path p) -> !isWorkbook(p))
            .thenComparing(Comparator.comparingLong(LargestFileFirst::size).reversed());

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparing(LargestFileFirst::file, LONGEST_FIRST));
        return super.doHandle(manager, new LinkedHashSet<>(ordered));
    }

    private static Path file(StepExecution execution) {
        return Path.of(execution.getExecutionContext().getString(SourceFilePartitioner.FILE));
    }

    private static boolean isWorkbook(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the file step reports an unreadable file
        }
    }
}
