package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A file's size and last modification time (UTC, to the microsecond, as DuckDB stores it): what the
 * file system tells without reading the file. A delivery whose stamp matches one that is loaded is
 * taken as unchanged without hashing it (as rsync and make do); touching a file forces a new hash.
 */
public record FileStamp(long size, LocalDateTime modifiedAt) {

    public static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(),
                LocalDateTime.ofInstant(attributes.lastModifiedTime().toInstant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }
}
