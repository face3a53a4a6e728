package nl.opvangmonitor.common.load;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import nl.opvangmonitor.common.config.ReadOnlyWarehouse;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The files in the input folder and their SHA-256 fingerprints, compared with what the published
 * warehouse already holds: a night with nothing new is recognised without copying or writing anything.
 */
@Component
public class Deliveries {

    public record Delivery(String source, String relativePath, String sha256) {
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
                try {
                    deliveries.add(new Delivery(source.folder(), LoadAudit.relative(input, file), Fingerprint.of(file).sha256()));
                } catch (IOException e) {
                    deliveries.add(new Delivery(source.folder(), LoadAudit.relative(input, file), null));
                }
            }
        }
        return deliveries;
    }

    /**
     * Deliveries the published warehouse has not loaded with exactly this content. A file that failed
     * before counts as not loaded: it is tried again every night, so the run keeps exiting 3 (and the
     * scheduler keeps alerting) until the file is fixed or removed.
     */
    public List<Delivery> notYetLoaded(List<Delivery> deliveries) {
        Path published = properties.warehouse().toAbsolutePath();
        if (!Files.exists(published)) {
            return deliveries;
        }
        Set<Delivery> seen = new HashSet<>();
        try (Connection c = ReadOnlyWarehouse.connect(published)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            dsl.select(LOAD_FILE.SOURCE, LOAD_FILE.FILE_PATH, LOAD_FILE.SHA256).from(LOAD_FILE)
                    .where(LOAD_FILE.STATUS.eq("LOADED"))
                    .forEach(r -> seen.add(new Delivery(r.value1(), r.value2(), r.value3())));
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            return deliveries; // an unreadable or older published file: build anew
        }
        return deliveries.stream().filter(d -> d.sha256() == null || !seen.contains(d)).toList();
    }

}
