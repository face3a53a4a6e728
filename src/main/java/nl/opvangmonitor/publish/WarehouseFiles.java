package nl.opvangmonitor.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * The published warehouse and the build it is made from. A load never writes the published file:
 * it copies it to {@code .build/<name>.build.duckdb} beside it, loads and checks the copy, and then
 * replaces the published file with one atomic rename. Readers that hold the old file open keep
 * reading the old warehouse (the rename leaves their open file intact); new connections see the new
 * one. A crash at any moment leaves the published file as it was; the unfinished build is thrown
 * away by the next load.
 */
public final class WarehouseFiles {

    private WarehouseFiles() {
    }

    public static Path buildDir(Path published) {
        return published.toAbsolutePath().getParent().resolve(".build");
    }

    public static Path buildFileFor(Path published) {
        String name = published.getFileName().toString().replaceFirst("\\.duckdb$", "");
        return buildDir(published).resolve(name + ".build.duckdb");
    }

    public static Path failedBuildFor(Path published) {
        String name = published.getFileName().toString().replaceFirst("\\.duckdb$", "");
        return buildDir(published).resolve(name + ".failed.duckdb");
    }

    /**
     * Starts a build from the published warehouse (or from nothing on the first night), written in
     * {@code storageVersion}. Returns the version the published warehouse was converted from, or null.
     */
    public static String prepareBuild(Path published, Path build, String storageVersion) {
        try {
            Files.createDirectories(build.getParent());
            restrict(build.getParent(), "rwx------");
            deleteWithWal(build);
            if (Files.exists(published) && Files.exists(wal(published))) {
                // a read-write session on the published file crashed: its log goes with the copy, which replays it;
                // a file in another storage version is converted on the next night
                Files.copy(published, build, StandardCopyOption.REPLACE_EXISTING);
                Files.copy(wal(published), wal(build), StandardCopyOption.REPLACE_EXISTING);
                return null;
            }
            return Files.exists(published) ? StorageVersion.copyAs(published, build, storageVersion) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build " + build + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes the warehouse and the public database together or not at all. Each build sits beside its
     * target (the same file system, so each rename is atomic). The published files are kept as hard links
     * (or copies) until both new files are in place and open read-only; when anything fails, both old
     * files are put back. A write-ahead log beside a published file belongs to the file it replaces (a
     * crashed session; the build replayed it): it is removed before the new file takes its place.
     */
    public static void publishTogether(Path build, Path published, Path publicBuild, Path publicFile) {
        Path previous = buildDir(published).resolve(published.getFileName() + ".previous");
        Path previousPublic = buildDir(publicFile).resolve(publicFile.getFileName() + ".previous");
        try {
            keepPrevious(published, previous);
            keepPrevious(publicFile, previousPublic);
            verifyReadOnly(publicBuild);
            publish(build, published);
            publish(publicBuild, publicFile);
            verifyReadOnly(published);
            verifyReadOnly(publicFile);
        } catch (RuntimeException | IOException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
            for (Path[] back : new Path[][] {{previous, published}, {previousPublic, publicFile}}) {
                try {
                    restore(back[0], back[1]);
                } catch (RuntimeException notRestored) {
                    failure.addSuppressed(notRestored);
                }
            }
            throw failure;
        }
        try {
            Files.deleteIfExists(previous);
            Files.deleteIfExists(previousPublic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + previous + " or " + previousPublic + ": " + e.getMessage(), e);
        }
    }

    /** The build of the public database, beside it (so it is renamed into place on its own file system). */
    public static Path publicBuildFor(Path publicFile) {
        return buildFileFor(publicFile);
    }

    /** Opens a file read-only as a reader would; a file that does not open is not published. */
    public static void verifyReadOnly(Path file) {
        try (Connection c = ReadOnlyWarehouse.connect(file); var statement = c.createStatement()) {
            statement.execute("SELECT count(*) FROM duckdb_tables()");
        } catch (SQLException e) {
            throw new IllegalStateException(file + " does not open read-only: " + SafeMessage.of(e), e);
        }
    }

    private static void keepPrevious(Path file, Path previous) throws IOException {
        Files.createDirectories(previous.getParent());
        Files.deleteIfExists(previous);
        if (Files.isRegularFile(file)) {
            try {
                Files.createLink(previous, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, previous);
            }
        }
    }

    private static void restore(Path previous, Path file) {
        try {
            if (Files.exists(previous)) {
                Files.move(previous, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put back " + file + " from " + previous + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the published warehouse by the build in one atomic step. */
    public static void publish(Path build, Path published) {
        try {
            if (Files.exists(wal(build))) {
                throw new IllegalStateException("the build still has a write-ahead log; it was not closed cleanly and is not published");
            }
            boolean forAnalysts = published.getFileName().toString().startsWith("publiek");
            restrict(build, forAnalysts ? "rw-r--r--" : "rw-------");
            Files.createDirectories(published.toAbsolutePath().getParent());
            Files.deleteIfExists(wal(published));
            Files.move(build, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (forAnalysts) {
                openFolderToReaders(published);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + build + " as " + published + ": " + e.getMessage(), e);
        }
    }

    /** Keeps a build that failed its checks for inspection (only the last one), so disk use stays bounded. */
    public static void keepFailed(Path build, Path published) {
        try {
            Path failed = failedBuildFor(published);
            deleteWithWal(failed);
            if (Files.exists(build)) {
                Files.move(build, failed, StandardCopyOption.REPLACE_EXISTING);
                ownerOnly(failed);
            }
            Files.deleteIfExists(wal(build));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside the failed build: " + e.getMessage(), e);
        }
    }

    public static void discard(Path build) {
        try {
            deleteWithWal(build);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the build " + build + ": " + e.getMessage(), e);
        }
    }

    /** Files with personal data are readable by their owner only. */
    public static void ownerOnly(Path file) {
        restrict(file, "rw-------");
    }

    /**
     * The public database holds only suppressed aggregates and is meant for analysts on the machine: its
     * folder (owner-only by the umask when the load created it) may be entered and listed by all;
     * everything else in it stays owner-only.
     */
    private static void openFolderToReaders(Path published) {
        Path folder = published.toAbsolutePath().getParent();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                var permissions = Files.getPosixFilePermissions(folder);
                permissions.addAll(PosixFilePermissions.fromString("---r-xr-x"));
                Files.setPosixFilePermissions(folder, permissions);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the folder of " + published + " to readers", e);
            }
        }
    }

    private static void restrict(Path file, String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix") && Files.exists(file)) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the permissions of " + file, e);
            }
        }
    }

    private static void deleteWithWal(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(wal(file));
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }
}
