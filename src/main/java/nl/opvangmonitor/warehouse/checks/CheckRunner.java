package nl.opvangmonitor.warehouse.checks;

import nl.opvangmonitor.ingest.FileStatus;
import static nl.opvangmonitor.db.audit.Tables.CHECK_RESULT;
import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.ingest.ScanScope;
import nl.opvangmonitor.privacy.BsnGuard;
import javax.sql.DataSource;
import nl.opvangmonitor.privacy.SafeMessage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSource;
import org.springframework.stereotype.Component;

/** Runs the declared checks and the built-in row-count reconciliation on the build, and records every outcome. */
@Component
public class CheckRunner {

    public record Outcome(String model, String name, boolean passed, long failingRows, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final DSLContext dsl;
    private final OpvangmonitorProperties properties;
    private final DataSource jobRepository;
    private final List<PublishGate> gates;

    public CheckRunner(DSLContext dsl, OpvangmonitorProperties properties, @BatchDataSource DataSource jobRepository,
            List<PublishGate> gates) {
        this.dsl = dsl;
        this.properties = properties;
        this.jobRepository = jobRepository;
        this.gates = gates;
    }

    /** Reads and validates the declarations before anything is loaded, so a misspelt check stops the run early. */
    public List<Check> declarations() {
        return CheckDeclarations.load(properties.checks());
    }

    public List<Outcome> run(long runId, List<Check> checks) {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(timed(() -> reconciliation(runId)));
        outcomes.add(timed(() -> bsnGuard(ScanScope.of(dsl, runId))));
        // on one connection: the temporary tables of evaluated views are that connection's
        dsl.connection(connection -> {
            DSLContext one = DSL.using(connection, SQLDialect.DUCKDB);
            Map<String, Table<?>> models = new HashMap<>();
            try {
                for (Check check : checks) {
                    Table<?> model = models.computeIfAbsent(check.model(), m -> evaluatedOnce(one, m, checks));
                    outcomes.add(timed(() -> run(one, check, model)));
                }
            } finally {
                models.values().stream().filter(t -> t.getName().startsWith(EVALUATED)).forEach(t -> one.dropTableIfExists(t).execute());
            }
        });
        gates.forEach(g -> g.check().ifPresent(outcomes::add));
        LocalDateTime now = LocalDateTime.now();
        var insert = dsl.insertInto(CHECK_RESULT, CHECK_RESULT.RUN_ID, CHECK_RESULT.CHECK_NAME, CHECK_RESULT.MODEL, CHECK_RESULT.PASSED,
                CHECK_RESULT.FAILING_ROWS, CHECK_RESULT.MESSAGE, CHECK_RESULT.CHECKED_AT);
        for (Outcome o : outcomes) {
            insert = insert.values(runId, o.name(), o.model(), o.passed(), o.failingRows(), o.message(), now);
        }
        insert.execute();
        return outcomes;
    }

    private static final String EVALUATED = "checked_";

    /**
     * The table a model's checks read: a view with several checks is evaluated once into a temporary table (each
     * check would otherwise compute the whole mart again: nine checks of mart.published_comparison took 1.2 s);
     * a table, or a view that cannot be evaluated (each check then reports why), is read as it is.
     */
    private static Table<?> evaluatedOnce(DSLContext dsl, String model, List<Check> checks) {
        String[] parts = model.split("\\.");
        Table<?> table = table(name(parts[0], parts[1]));
        boolean isView = dsl.fetchExists(DSL.selectOne().from(table(name("duckdb_views")).as("v"))
                .where(field(name("schema_name")).eq(parts[0]), field(name("view_name")).eq(parts[1])));
        if (!isView || checks.stream().filter(c -> c.model().equals(model)).count() < 2) {
            return table;
        }
        Table<?> copy = table(name(EVALUATED + parts[0] + "_" + parts[1]));
        try {
            dsl.execute("CREATE OR REPLACE TEMP TABLE {0} AS SELECT * FROM {1}", copy, table);
            return copy;
        } catch (DataAccessException e) {
            return table;
        }
    }

    /** Runs one check; how long it took is logged at debug level, to find the check that slows a night down. */
    private static Outcome timed(Supplier<Outcome> check) {
        long started = System.nanoTime();
        Outcome outcome = check.get();
        log.debug("check {} {}: {} s", outcome.model(), outcome.name(), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - started) / 1e9));
        return outcome;
    }

    /** Every file of this run: rows read = rows loaded + rows rejected. */
    private Outcome reconciliation(long runId) {
        List<String> unbalanced = dsl.select(LOAD_FILE.FILE_PATH).from(LOAD_FILE)
                .where(LOAD_FILE.RUN_ID.eq(runId), LOAD_FILE.STATUS.eq(FileStatus.LOADED.name()),
                        LOAD_FILE.ROWS_READ.ne(LOAD_FILE.ROWS_LOADED.plus(LOAD_FILE.ROWS_REJECTED)))
                .fetch(LOAD_FILE.FILE_PATH);
        return new Outcome("audit.load_file", "rows_read_equals_loaded_plus_rejected", unbalanced.isEmpty(), unbalanced.size(),
                unbalanced.isEmpty() ? null : "rows read != loaded + rejected for " + String.join(", ", unbalanced));
    }

    /**
     * No value that looks like a BSN anywhere in the warehouse or the job repository; the message says
     * where, never what. An incremental run scans the fact rows of its own files only (see BsnGuard).
     */
    private Outcome bsnGuard(ScanScope.Scope scope) {
        List<BsnGuard.Finding> findings = new ArrayList<>(BsnGuard.scan(dsl, scope));
        findings.addAll(BsnGuard.scanJobRepository(jobRepository));
        long values = findings.stream().mapToLong(BsnGuard.Finding::values).sum();
        return new Outcome("core, audit", "no_bsn_in_text_columns", findings.isEmpty(), values, findings.isEmpty() ? null
                : values + " BSN-like value(s) in " + String.join(", ", findings.stream().map(f -> f.table() + "." + f.column()).toList()));
    }

    private static Outcome run(DSLContext dsl, Check check, Table<?> model) {
        try {
            long failing = switch (check.kind()) {
                case "unique" -> {
                    Field<?>[] key = check.columns().stream().map(c -> field(name(c))).toArray(Field[]::new);
                    yield dsl.fetchCount(dsl.select(key).from(model).groupBy(key).having(count().gt(1)));
                }
                case "not_null" -> dsl.fetchCount(model, field(name(check.columns().getFirst())).isNull());
                case "accepted_values" -> {
                    Field<Object> column = field(name(check.columns().getFirst()));
                    yield dsl.fetchCount(model, column.isNotNull().and(column.cast(String.class).notIn(check.values())));
                }
                case "expression" -> {
                    Condition fails = DSL.condition(check.sql());
                    yield dsl.fetchCount(model, fails);
                }
                default -> throw new CheckDeclarationException(check.source() + ": unknown check kind " + check.kind());
            };
            return new Outcome(check.model(), check.name(), failing == 0, failing,
                    failing == 0 ? null : failing + " failing row" + (failing == 1 ? "" : "s") + " (" + check.source() + ")");
        } catch (DataAccessException e) {
            // DuckDB's message may quote a value it failed to convert: quoted parts are masked
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            return new Outcome(check.model(), check.name(), false, 0,
                    "the check cannot run (" + check.source() + "): " + SafeMessage.scrubLibraryText(reason.lines().findFirst().orElse(reason)));
        }
    }
}
