package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import nl.opvangmonitor.ingest.ScanScope;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BSN guard scans the tables a source module fills, also outside the core and audit schemas. */
class ModuleTablesBsnGuardIT {

    private static final ScanScope.Scope FULL = new ScanScope.Scope(0, true, "test");

    @TempDir
    Path temp;

    @Test
    void scan_whenAModuleFillsATableOutsideCore_thenItsBsnsAreCountedNamingTableAndColumn() throws Exception {
        // given a warehouse and a module whose facts live in main.side_facts, values holding BSNs
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        Files.createDirectories(temp.resolve("input/veiligthuis"));
        assertThat(Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString())).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            dsl.execute("CREATE TABLE main.side_facts (file_id BIGINT, note VARCHAR)");
            // the same note on three rows and one note with two numbers: each BSN counted as often as it is stored
            dsl.execute("INSERT INTO main.side_facts VALUES (1, 'client 111222333 belde'), (1, 'geen nummer'), (1, 'client 111222333 belde'),"
                    + " (1, 'client 111222333 belde'), (1, '111.222.333 en 123456782'), (1, 'niet 111222334')");
            Table<?> sideFacts = dsl.meta().filterSchemas(schema -> schema.getName().equals("main")).getTables("side_facts").getFirst();

            // when the guard scans with a module that fills it
            List<BsnGuard.Finding> findings = BsnGuard.scan(dsl, List.of(module(sideFacts)), FULL);

            // then: where, not what; and nothing without the module
            assertThat(findings).containsExactly(new BsnGuard.Finding("main.side_facts", "note", 5));
            assertThat(BsnGuard.scan(dsl, List.of(), FULL)).isEmpty();
        }
    }

    private static SourceModule module(Table<?> sideFacts) {
        return new SourceModule() {
            @Override
            public String name() {
                return "side";
            }

            @Override
            public List<StagedSource> sources() {
                return List.of();
            }

            @Override
            public List<Table<?>> factTables() {
                return List.of(sideFacts);
            }
        };
    }
}
