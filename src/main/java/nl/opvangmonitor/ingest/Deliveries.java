package nl.opvangmonitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.warehouse.ReadOnlyWarehouse;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
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

    private final List<String> folders;
    private final OpvangmonitorProperties properties;

    @Autowired
    public Deliveries(OpvangmonitorProperties properties) {
        this(properties, SourceModules.folderPaths());
    }

    /** The deliveries in the source folders {@code folders}, without Spring. */
    public Deliveries(OpvangmonitorProperties properties, List<String> folders) {
        this.folders = folders;
        this.properties = properties;
    }

    public List<Delivery> scan() {
        Path input = properties.input().toAbsolutePath().normalize();
        List<Delivery> deliveries = new ArrayList<>();
        for (String folder : folders) {
            for (Path file : SourceFilePartitioner.deliveredFiles(input.resolve(folder))) {
                deliveries.add(new Delivery(folder, LoadAudit.relative(input, file), file));
            }
        }
        return deliveries;
    }

    /**
     * Whether any delivery is one the published warehouse has not loaded with exactly this content.
     * Stops at the first: the load fingerprints every file again anyway. A file that failed before
     * counts as not loaded: it is tried again every night, so the run keeps exiting 3 (and the
     * scheduler keeps alerting) until the file is fixed or removed. So does a file that cannot be read.
     */
    public boolean anythingNew(List<Delivery> deliveries) {
        Path published = properties.warehouse().toAbsolutePath();
        if (!Files.exists(published)) {
            return true;
        }
        try (Connection c = ReadOnlyWarehouse.connect(published)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            return deliveries.stream().anyMatch(d -> !loaded(dsl, d));
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            return true; // an unreadable or older published file: build anew
        }
    }

    private static boolean loaded(DSLContext dsl, Delivery d) {
        try {
            return LoadAudit.loadedWithStamp(dsl, d.source(), d.relativePath(), FileStamp.of(d.file())).isPresent()
                    || LoadAudit.loadedWithContent(dsl, d.source(), Fingerprint.of(d.file()).sha256()).isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
