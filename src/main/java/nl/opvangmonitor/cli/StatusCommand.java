package nl.opvangmonitor.cli;

import nl.opvangmonitor.ingest.FileStatus;
import nl.opvangmonitor.ingest.SourceModule;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.LOAD_RUN;
import static org.jooq.impl.DSL.max;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import nl.opvangmonitor.ingest.SourceModules;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import nl.opvangmonitor.publish.StorageVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * {@code status}: what is published and since when, and per source the last delivery and whether
 * it is stale (no new delivery within opvangmonitor.stale-after-days.&lt;source&gt;, default 45 days).
 * Reads the published warehouse read-only, without starting Spring; exits 5 when a source is stale,
 * so a scheduler can alert.
 */
public final class StatusCommand {

    private final OpvangmonitorProperties properties;

    public StatusCommand(OpvangmonitorProperties properties) {
        this.properties = properties;
    }

    public int run(PrintStream out) throws Exception {
        Path published = properties.warehouse().toAbsolutePath();
        if (!Files.exists(published)) {
            out.println("Nothing published yet at " + properties.warehouse() + ".");
            return ExitCodes.STALE;
        }
        Instant publishedAt = Files.getLastModifiedTime(published).toInstant();
        out.printf("Published: %s (%.1f MB), since %s%n", properties.warehouse(), Files.size(published) / 1e6,
                HistoryCommand.time(LocalDateTime.ofInstant(publishedAt, ZoneId.systemDefault())));
        String version = StorageVersion.of(published);
        out.printf("Storage version: %s (%s open it; setting opvangmonitor.storage-version = %s)%n", version,
                StorageVersion.readers(version), properties.storageVersion());
        boolean stale = false;
        try (Connection c = ReadOnlyWarehouse.connect(published)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            var run = dsl.selectFrom(LOAD_RUN).orderBy(LOAD_RUN.RUN_ID.desc()).limit(1).fetchOne();
            if (run != null) {
                out.printf("Last published run: %d, %s, exit %d%n", run.getRunId(), run.getStatus(), run.getExitCode());
            }
            out.printf("%-20s %-19s %6s %s%n", "source", "last delivery", "days", "");
            for (SourceModule.Folder source : SourceModules.folders()) {
                LocalDateTime last = dsl.select(max(LOAD_FILE.STARTED_AT)).from(LOAD_FILE)
                        .where(LOAD_FILE.SOURCE.eq(source.folder()), LOAD_FILE.STATUS.in(FileStatus.LOADED.name(), FileStatus.SUPERSEDED.name()))
                        .fetchOne(0, LocalDateTime.class);
                int limit = properties.staleAfterDays(source.name());
                long days = last == null ? -1 : Duration.between(last, LocalDateTime.now()).toDays();
                boolean sourceStale = last == null || days > limit;
                stale |= sourceStale;
                out.printf(Locale.ROOT, "%-20s %-19s %6s %s%n", source.folder(),
                        last == null ? "never" : HistoryCommand.time(last), last == null ? "" : String.valueOf(days),
                        sourceStale ? "STALE (no new delivery within " + limit + " days)" : "ok");
            }
            // a delivery whose file was removed from the input stays loaded; say so, so it is a choice
            Path input = properties.input().toAbsolutePath().normalize();
            for (var gone : dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.FILE_ID).from(LOAD_FILE).where(LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()))
                    .orderBy(LOAD_FILE.FILE_PATH).fetch()) {
                if (!Files.exists(input.resolve(gone.value1()))) {
                    out.println("loaded, file no longer in the input: " + gone.value1() + " (file " + gone.value2()
                            + "); its rows stay until a delivery of the same name replaces them");
                }
            }
        }
        return stale ? ExitCodes.STALE : ExitCodes.OK;
    }
}
