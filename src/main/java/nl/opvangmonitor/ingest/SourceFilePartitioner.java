package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per file in the source's folder, in name order. Hidden files and Office lock files (~$…) are not deliveries. */
public class SourceFilePartitioner implements Partitioner {

    /** The step execution context key of a partition's file. */
    static final String FILE = "file";

    private final Path folder;

    SourceFilePartitioner(Path folder) {
        this.folder = folder;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        List<Path> files = deliveredFiles(folder);
        for (int i = 0; i < files.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILE, files.get(i).toAbsolutePath().toString());
            partitions.put(String.format("file%05d", i), context);
        }
        return partitions;
    }

    public static List<Path> deliveredFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("~$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
