package nl.opvangmonitor.bench;

import static org.jooq.impl.DSL.inline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The pipeline {@code bench} compares our CSV ingest with: the same three CSV exports loaded the way
 * a skilled analyst with dbt-duckdb would, in plain DuckDB SQL (src/main/resources/bench/peer_*.sql):
 * read_csv over a glob, the Dutch conversions and rejections as CASE expressions, a keyed sha256 of
 * the client identifier stored as the warehouse stores its pseudonyms (128 bits, UHUGEINT),
 * INSERT ... SELECT into facts and rejects. Java only runs the statements.
 */
final class PeerPipeline {

    /** Each source of the peer: its SQL file is peer_<name>.sql, its files the CSV files of its input folder. */
    private record Source(String name, String folder) {
    }

    private static final List<Source> SOURCES = List.of(new Source("meldingen", "veiligthuis"),
            new Source("verblijven", "opvang/verblijven"), new Source("nachten", "opvang/nachten"));

    /** Rows loaded into the facts and rejected (one per rejected row), and the seconds the three sources took. */
    record Result(long loaded, long rejected, double seconds) {
    }

    private PeerPipeline() {
    }

    /**
     * Loads the CSV files under {@code input} into a fresh database {@code db}. The municipalities
     * (the analyst's seed) are copied from the warehouse before the clock starts.
     */
    static Result run(Path db, Path input, Path warehouse) throws Exception {
        Files.deleteIfExists(db);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            execute(c, "peer_setup");
            dsl.query("ATTACH {0} AS wh (READ_ONLY)", inline(warehouse.toAbsolutePath().toString())).execute();
            dsl.query("INSERT INTO gemeente_spelling SELECT nl_gemeente(municipality_code), municipality_key FROM wh.core.dim_municipality"
                    + " UNION SELECT lower(municipality_name), municipality_key FROM wh.core.dim_municipality").execute();
            dsl.query("DETACH wh").execute();
            // a key for this run only: the peer's pseudonyms are thrown away with its database
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            dsl.query("SET VARIABLE pseudonym_key = {0}", inline(HexFormat.of().formatHex(key))).execute();
            for (Source source : SOURCES) {
                dsl.query("SET VARIABLE {0} = {1}", DSL.name(source.name()),
                        inline(input.resolve(source.folder()).toAbsolutePath() + "/*.csv")).execute();
            }
            long t = System.nanoTime();
            for (Source source : SOURCES) {
                execute(c, "peer_" + source.name());
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            long loaded = dsl.fetchSingle("SELECT (SELECT count(*) FROM fct_melding) + (SELECT count(*) FROM fct_verblijf)"
                    + " + (SELECT count(*) FROM fct_nacht)").get(0, Long.class);
            long rejected = dsl.fetchSingle("SELECT count(*) FROM reject").get(0, Long.class);
            return new Result(loaded, rejected, seconds);
        }
    }

    /** Runs the statements of one SQL file of src/main/resources/bench, one by one, as they are written (no templating). */
    private static void execute(Connection c, String name) throws IOException, SQLException {
        String sql;
        try (InputStream in = PeerPipeline.class.getResourceAsStream("/bench/" + name + ".sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : sql.split(";\\s*\\n")) {
            if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                try (Statement s = c.createStatement()) {
                    s.execute(statement);
                }
            }
        }
    }
}
