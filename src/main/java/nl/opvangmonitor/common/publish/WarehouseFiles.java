package nl.opvangmonitor.common.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

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

    /** Starts a build from the published warehouse (or from nothing on the first night). */
    public static void prepareBuild(Path published, Path build) {
        try {
            Files.createDirectories(build.getParent());
            restrict(build.getParent(), "rwx------");
            deleteWithWal(build);
            if (Files.exists(published)) {
                Files.copy(published, build, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build " + build + ": " + e.getMessage(), e);
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
