package nl.opvangmonitor.common.load;

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
import nl.opvangmonitor.common.publish.WarehouseFiles;

/**
 * One load at a time per warehouse: an exclusive lock on {@code .build/<name>.lock}, which holds the
 * pid and start time of the load holding it. A load that ends releases the lock and empties the file;
 * a load that was killed leaves its pid and start time behind, so the next load knows a run was
 * interrupted even when it died before its job execution existed.
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

        @Override
        public String toString() {
            return "pid " + pid + ", started " + HistoryCommand.time(startedAt);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Holder interrupted;

    private LoadLock(FileChannel channel, FileLock lock, Holder interrupted) {
        this.channel = channel;
        this.lock = lock;
        this.interrupted = interrupted;
    }

    static Path path(Path published) throws IOException {
        Path dir = Files.createDirectories(WarehouseFiles.buildDir(published));
        return dir.resolve(published.getFileName() + ".lock");
    }

    /** Takes the lock, or returns null when another load holds it. */
    static LoadLock tryAcquire(Path published) throws IOException {
        FileChannel channel = FileChannel.open(path(published), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return null;
        }
        ByteBuffer left = ByteBuffer.allocate((int) Math.min(channel.size(), 200));
        channel.read(left, 0);
        Holder interrupted = Holder.parse(new String(left.array(), 0, left.position(), StandardCharsets.US_ASCII));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + LocalDateTime.now().withNano(0))
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new LoadLock(channel, lock, interrupted);
    }

    /**
     * The one-line reason a load cannot start now (another load holds the lock: its pid and start time),
     * or null when none runs. Takes nothing: checked before a load opens its job repository.
     */
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
        Holder holder = Holder.parse(Files.readString(path, StandardCharsets.US_ASCII));
        return "another load is running on " + published + (holder == null ? "" : " (" + holder + ")");
    }

    /**
     * Whether a load was killed while it held the lock (the lock file still names it): the next load must
     * record it as interrupted, so even a night with nothing new starts the job repository. Asked when
     * {@link #busy} found no load running.
     */
    public static boolean leftByKilledLoad(Path published) throws IOException {
        Path path = WarehouseFiles.buildDir(published).resolve(published.getFileName() + ".lock");
        return Files.exists(path) && Files.size(path) > 0;
    }

    /** The load that held the lock before and was killed (it never released it), or null. */
    Holder interrupted() {
        return interrupted;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
