package nl.opvangmonitor.common.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import nl.opvangmonitor.common.config.ReadOnlyWarehouse;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The files in the input folder, compared with what the published warehouse already holds: a night
 * with nothing new is recognised without copying or writing anything, and without reading files whose
 * size and modification time match a loaded delivery (only new or touched files are hashed).
 */
@Component
public class Deliveries {

    public record Delivery(String source, String relativePath, Path file) {
    }

    private final List<LoadSource> sources;
    private final OpvangmonitorProperties properties;

    public Deliveries(List<LoadSource> sources, OpvangmonitorProperties properties) {
        this.sources = sources;
        this.properties = properties;
    }

    public List<Delivery> scan() {
        Path input = properties.input().toAbsolutePath().normalize();
        List<Delivery> deliveries = new ArrayList<>();
        for (LoadSource source : sources) {
            for (Path file : SourceFilePartitioner.deliveredFiles(input.resolve(source.folder()))) {
                deliveries.add(new Delivery(source.folder(), LoadAudit.relative(input, file), file));
            }
        }
        return deliveries;
    }

    /**
     * Deliveries the published warehouse has not loaded with exactly this content. A file that failed
     * before counts as not loaded: it is tried again every night, so the run keeps exiting 3 (and the
     * scheduler keeps alerting) until the file is fixed or removed. So does a file that cannot be read.
     */
    public List<Delivery> notYetLoaded(List<Delivery> deliveries) {
        Path published = properties.warehouse().toAbsolutePath();
        if (!Files.exists(published)) {
            return deliveries;
        }
        try (Connection c = ReadOnlyWarehouse.connect(published)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            List<Delivery> notLoaded = new ArrayList<>();
            for (Delivery d : deliveries) {
                if (!loaded(dsl, d)) {
                    notLoaded.add(d);
                }
            }
            return notLoaded;
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            return deliveries; // an unreadable or older published file: build anew
        }
    }

    private static boolean loaded(DSLContext dsl, Delivery d) {
        try {
            return LoadAudit.loadedWithStamp(dsl, d.source(), d.relativePath(), FileStamp.of(d.file())).isPresent()
                    || LoadAudit.loadedWithContent(dsl, d.source(), d.relativePath(), Fingerprint.of(d.file()).sha256()).isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
