package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.LOAD_RUN;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static org.jooq.impl.DSL.countDistinct;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import nl.opvangmonitor.privacy.SafeMessage;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Writes the audit trail: runs, files (with their SHA-256 fingerprint) and their row counts; every message through {@link SafeMessage#scrub}. */
@Component
public class LoadAudit {

    private final DSLContext dsl;

    public LoadAudit(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long startRun(Path inputDir) {
        return dsl.insertInto(LOAD_RUN, LOAD_RUN.INPUT_DIR, LOAD_RUN.STARTED_AT, LOAD_RUN.STATUS)
                .values(inputDir.toString(), LocalDateTime.now(), RunStatus.RUNNING.name())
                .returningResult(LOAD_RUN.RUN_ID)
                .fetchOne(LOAD_RUN.RUN_ID);
    }

    public void finishRun(long runId, Long jobExecutionId, RunStatus status, int exitCode, String message) {
        dsl.update(LOAD_RUN)
                .set(LOAD_RUN.JOB_EXECUTION_ID, jobExecutionId)
                .set(LOAD_RUN.FINISHED_AT, LocalDateTime.now())
                .set(LOAD_RUN.STATUS, status.name())
                .set(LOAD_RUN.EXIT_CODE, exitCode)
                .set(LOAD_RUN.MESSAGE, SafeMessage.scrub(message))
                .where(LOAD_RUN.RUN_ID.eq(runId))
                .execute();
    }

    /**
     * A delivered file as this run sees it: its fingerprint (null when it is not read: unchanged, or
     * unreadable, which the opener reports) and its audit row, which records it as SKIPPED when the
     * same content is loaded already, else as RUNNING.
     */
    public record Registration(long fileId, Fingerprint fingerprint, Long loadedAs) {
        public boolean skipped() {
            return loadedAs != null;
        }
    }

    /** The loaded delivery a file is the same as: its audit row, its SHA-256 and the path it was delivered under. */
    public record Loaded(long fileId, String sha256, String path) {
    }

    public Registration register(long runId, String source, Path inputDir, Path file) {
        String relativePath = relative(inputDir, file);
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (IOException e) {
            return new Registration(insertFile(runId, source, relativePath, null, null, null), null, null);
        }
        Optional<Loaded> unchanged = loadedWithStamp(dsl, source, relativePath, stamp);
        Fingerprint fingerprint = null;
        if (unchanged.isEmpty()) {
            try {
                fingerprint = Fingerprint.of(file);
            } catch (IOException e) {
                return new Registration(insertFile(runId, source, relativePath, null, stamp, null), null, null);
            }
            unchanged = loadedWithContent(dsl, source, fingerprint.sha256());
        }
        if (unchanged.isPresent()) {
            Loaded loaded = unchanged.get();
            String as = "already loaded as file " + loaded.fileId()
                    + (loaded.path().equals(relativePath) ? "" : " (the same content, delivered as " + loaded.path() + ")");
            return new Registration(insertFile(runId, source, relativePath, loaded.sha256(), stamp, as), fingerprint, loaded.fileId());
        }
        return new Registration(insertFile(runId, source, relativePath, fingerprint.sha256(), stamp, null), fingerprint, null);
    }

    /**
     * The loaded delivery of this path that was seen (loaded, or skipped as unchanged) with exactly this
     * size and modification time: the file has not changed since, and needs no hashing.
     */
    static Optional<Loaded> loadedWithStamp(DSLContext dsl, String source, String relativePath, FileStamp stamp) {
        var seen = LOAD_FILE.as("seen");
        return dsl.select(LOAD_FILE.FILE_ID, LOAD_FILE.SHA256, LOAD_FILE.FILE_PATH).from(seen)
                .join(LOAD_FILE).on(LOAD_FILE.SOURCE.eq(seen.SOURCE), LOAD_FILE.FILE_PATH.eq(seen.FILE_PATH),
                        LOAD_FILE.SHA256.eq(seen.SHA256), LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()))
                .where(seen.SOURCE.eq(source), seen.FILE_PATH.eq(relativePath), seen.SIZE_BYTES.eq(stamp.size()),
                        // inlined: a bound timestamp is cast to a type name DuckDB's parser refuses
                        seen.MODIFIED_AT.eq(DSL.inline(stamp.modifiedAt())), seen.STATUS.in(FileStatus.LOADED.name(), FileStatus.SKIPPED.name()))
                .orderBy(LOAD_FILE.FILE_ID.desc()).limit(1)
                .fetchOptional(r -> new Loaded(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The current delivery of this source with exactly this content, if it is loaded already: under this
     * path, or under another name (a renamed copy is not loaded twice).
     */
    static Optional<Loaded> loadedWithContent(DSLContext dsl, String source, String sha256) {
        return dsl.select(LOAD_FILE.FILE_ID, LOAD_FILE.SHA256, LOAD_FILE.FILE_PATH).from(LOAD_FILE)
                .where(LOAD_FILE.SOURCE.eq(source), LOAD_FILE.SHA256.eq(sha256), LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()))
                .orderBy(LOAD_FILE.FILE_ID.desc()).limit(1)
                .fetchOptional(r -> new Loaded(r.value1(), r.value2(), r.value3()));
    }

    /** A file's audit row: RUNNING while it loads, or SKIPPED (seen again unchanged, not read). */
    private long insertFile(long runId, String source, String relativePath, String sha256, FileStamp stamp, String loadedAs) {
        LocalDateTime now = LocalDateTime.now();
        boolean skipped = loadedAs != null;
        return dsl.insertInto(LOAD_FILE, LOAD_FILE.RUN_ID, LOAD_FILE.SOURCE, LOAD_FILE.FILE_PATH, LOAD_FILE.SHA256,
                        LOAD_FILE.SIZE_BYTES, LOAD_FILE.MODIFIED_AT, LOAD_FILE.STATUS, LOAD_FILE.ROWS_READ, LOAD_FILE.ROWS_LOADED,
                        LOAD_FILE.ROWS_REJECTED, LOAD_FILE.MESSAGE, LOAD_FILE.STARTED_AT, LOAD_FILE.FINISHED_AT)
                .values(runId, source, relativePath, sha256, stamp == null ? null : stamp.size(), stamp == null ? null : stamp.modifiedAt(),
                        (skipped ? FileStatus.SKIPPED : FileStatus.RUNNING).name(), skipped ? 0L : null, skipped ? 0L : null, skipped ? 0L : null,
                        loadedAs, now, skipped ? now : null)
                .returningResult(LOAD_FILE.FILE_ID)
                .fetchOne(LOAD_FILE.FILE_ID);
    }

    public void failFile(long fileId, String message) {
        dsl.update(LOAD_FILE)
                .set(LOAD_FILE.STATUS, FileStatus.FAILED.name())
                .set(LOAD_FILE.MESSAGE, SafeMessage.scrub(message))
                .set(LOAD_FILE.FINISHED_AT, LocalDateTime.now())
                .where(LOAD_FILE.FILE_ID.eq(fileId))
                .execute();
    }

    /**
     * Closes a file's audit row with counts taken from what actually landed in the warehouse: rows
     * loaded from the fact table (one row per source row), rejected from audit.rejected_row.
     */
    public void finishFile(long fileId, long rowsRead, Table<?> factTable, List<Table<?>> writtenTables,
                           long noteRows, String ignoredColumns, String failure) {
        if (failure != null) {
            // a file fails whole: what its earlier chunks wrote goes, so nothing of it counts half
            dsl.transaction(tx -> {
                for (Table<?> table : writtenTables) {
                    tx.dsl().deleteFrom(table).where(table.field("file_id", Long.class).eq(fileId)).execute();
                }
                tx.dsl().deleteFrom(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.eq(fileId)).execute();
            });
        }
        long loaded = dsl.fetchCount(factTable, factTable.field("file_id", Long.class).eq(fileId));
        long rejected = dsl.select(countDistinct(REJECTED_ROW.ROW_NUMBER)).from(REJECTED_ROW)
                .where(REJECTED_ROW.FILE_ID.eq(fileId)).fetchOne(0, Long.class);
        var update = dsl.update(LOAD_FILE)
                .set(LOAD_FILE.ROWS_READ, rowsRead)
                .set(LOAD_FILE.ROWS_LOADED, loaded)
                .set(LOAD_FILE.ROWS_REJECTED, rejected)
                .set(LOAD_FILE.NOTE_ROWS_SKIPPED, noteRows)
                .set(LOAD_FILE.IGNORED_COLUMNS, SafeMessage.scrub(ignoredColumns))
                .set(LOAD_FILE.FINISHED_AT, LocalDateTime.now());
        if (failure != null) {
            update.set(LOAD_FILE.STATUS, FileStatus.FAILED.name()).set(LOAD_FILE.MESSAGE, SafeMessage.scrub(failure))
                    .where(LOAD_FILE.FILE_ID.eq(fileId)).execute();
        } else {
            update.set(LOAD_FILE.STATUS, DSL.when(LOAD_FILE.STATUS.eq(FileStatus.FAILED.name()), FileStatus.FAILED.name()).otherwise(FileStatus.LOADED.name()))
                    .where(LOAD_FILE.FILE_ID.eq(fileId)).execute();
            supersedeEarlierDeliveries(fileId, writtenTables);
        }
    }

    /**
     * A file loaded under the same path in the same source folder replaces what earlier deliveries
     * of that path loaded (a corrected re-delivery, or the same file loaded again). Done only after
     * the new delivery loaded, so a broken re-delivery never wipes the data it was meant to correct.
     */
    private void supersedeEarlierDeliveries(long fileId, List<Table<?>> writtenTables) {
        var current = dsl.select(LOAD_FILE.SOURCE, LOAD_FILE.FILE_PATH, LOAD_FILE.RUN_ID).from(LOAD_FILE).where(LOAD_FILE.FILE_ID.eq(fileId)).fetchOne();
        List<Long> earlier = dsl.select(LOAD_FILE.FILE_ID).from(LOAD_FILE)
                .where(LOAD_FILE.SOURCE.eq(current.value1()), LOAD_FILE.FILE_PATH.eq(current.value2()),
                        LOAD_FILE.FILE_ID.lt(fileId), LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()))
                .fetch(LOAD_FILE.FILE_ID);
        if (earlier.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            for (Table<?> table : writtenTables) {
                // the years of the rows that go are recomputed by an incremental indicator step
                ScanScope.recordYears(tx.dsl(), current.value3(), table, table.field("file_id", Long.class).in(earlier));
                tx.dsl().deleteFrom(table).where(table.field("file_id", Long.class).in(earlier)).execute();
            }
            tx.dsl().deleteFrom(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.in(earlier)).execute();
            tx.dsl().update(LOAD_FILE).set(LOAD_FILE.STATUS, FileStatus.SUPERSEDED.name())
                    .set(LOAD_FILE.MESSAGE, DSL.inline("superseded by file " + fileId))
                    .where(LOAD_FILE.FILE_ID.in(earlier)).execute();
        });
    }

    public static String relative(Path inputDir, Path file) {
        try {
            return inputDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
