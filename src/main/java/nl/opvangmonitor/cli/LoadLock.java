package nl.opvangmonitor.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.opvangmonitor.publish.WarehouseFiles;

/**
 * One load at a time per warehouse: an exclusive lock on {@code .build/<name>.lock}, which holds the
 * pid and start time of the load holding it (its last line). A load that ends releases the lock and
 * empties the file; a load that was killed leaves its line behind, so the next load knows every run
 * that was interrupted, even one that died before its job execution existed (and one killed before it
 * could record the one before it).
 */
public final class LoadLock implements Closeable {

    /** What the lock file says about the load that holds (or last held) it. */
    public record Holder(long pid, LocalDateTime startedAt) {
        static Holder parse(String text) {
            String[] parts = text.strip().split(" ");
            if (parts.length != 2) {
                return null;
            }
            try {
                return new Holder(Long.parseLong(parts[0]), LocalDateTime.parse(parts[1]));
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
        }

        /** Whether a job parameter holding a process id names this load. */
        boolean matches(org.springframework.batch.core.job.parameters.JobParameter<?> pidParameter) {
            return pidParameter != null && Long.valueOf(pid).equals(pidParameter.value());
        }

        @Override
        public String toString() {
            return "pid " + pid + ", started " + HistoryCommand.time(startedAt);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final List<Holder> interrupted;
    private boolean recorded;

    private LoadLock(FileChannel channel, FileLock lock, List<Holder> interrupted) {
        this.channel = channel;
        this.lock = lock;
        this.interrupted = interrupted;
    }

    static Path path(Path published) throws IOException {
        Path dir = Files.createDirectories(WarehouseFiles.buildDir(published));
        return dir.resolve(published.getFileName() + ".lock");
    }

    /** Takes the lock, or returns null when another load holds it. */
    public static LoadLock tryAcquire(Path published) throws IOException {
        FileChannel channel = FileChannel.open(path(published), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        ByteBuffer left = ByteBuffer.allocate((int) Math.min(channel.size(), 10_000));
        channel.read(left, 0);
        String killed = new String(left.array(), 0, left.position(), StandardCharsets.US_ASCII);
        List<Holder> interrupted = killed.lines().map(Holder::parse).filter(Objects::nonNull).toList();
        String lines = killed.lines().filter(l -> Holder.parse(l) != null).map(l -> l + "\n").collect(Collectors.joining());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((lines + ProcessHandle.current().pid() + " " + LocalDateTime.now().withNano(0) + "\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new LoadLock(channel, lock, interrupted);
    }

    /** The one-line reason a load cannot start now (another load holds the lock: its pid and start time), or null. */
    public static String busy(Path published) throws IOException {
        Path path = WarehouseFiles.buildDir(published).resolve(published.getFileName() + ".lock");
        if (!Files.exists(path)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                return null;
            }
        } catch (OverlappingFileLockException e) {
            // this very process holds it
        }
        List<String> lines = Files.readString(path, StandardCharsets.US_ASCII).lines().toList();
        Holder holder = lines.isEmpty() ? null : Holder.parse(lines.getLast());
        return "another load is running on " + published + (holder == null ? "" : " (" + holder + ")");
    }

    /** The loads that held the lock before and were killed (they never released it), oldest first. */
    public List<Holder> interrupted() {
        return interrupted;
    }

    /** The interrupted loads are in the job repository now: a clean end of this load may forget them. */
    void recorded() {
        recorded = true;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            if (!recorded && !interrupted.isEmpty()) {
                // this load ended before it recorded them (e.g. its configuration failed): the next load will
                channel.write(ByteBuffer.wrap(interrupted.stream().map(h -> h.pid() + " " + h.startedAt() + "\n")
                        .collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII)), 0);
            }
            lock.release();
        } finally {
            channel.close();
        }
    }
}
