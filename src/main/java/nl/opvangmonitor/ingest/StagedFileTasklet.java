package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static org.jooq.impl.DSL.inline;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import nl.opvangmonitor.privacy.PseudonymFunction;
import nl.opvangmonitor.privacy.Pseudonymizer;
import nl.opvangmonitor.privacy.SafeMessage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record5;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads one delivered file of a {@link StagedSource} set-based, in three statements after staging:
 * the rows that break a rule (with every reason) into a small temporary table, their reasons into
 * audit.rejected_row, and all other rows, converted, into the tables the rules fill ({@link Facts},
 * by column name). The same for every source: fingerprint, skip of an unchanged delivery, audit and
 * supersede included.
 */
class StagedFileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(StagedFileTasklet.class);

    private static final String FILE_ID = "file_id";
    private static final String ROW_NUMBER = "row_number";

    private final StagedSource source;
    private final List<Table<?>> moduleTables;
    private final LoadAudit audit;
    private final DataSource warehouse;
    private final Pseudonymizer pseudonymizer;
    private final LoadMetrics metrics;

    /** @param moduleTables every table the source's module fills: a failed file and an earlier delivery of its path leave them all */
    StagedFileTasklet(StagedSource source, List<Table<?>> moduleTables, LoadAudit audit, DataSource warehouse, Pseudonymizer pseudonymizer,
                      LoadMetrics metrics) {
        this.metrics = metrics;
        this.source = source;
        this.moduleTables = moduleTables;
        this.audit = audit;
        this.warehouse = warehouse;
        this.pseudonymizer = pseudonymizer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        var parameters = stepExecution.getJobExecution().getJobParameters();
        long runId = (Long) parameters.getParameter(LoadJobConfig.RUN_ID).value();
        Path inputDir = Path.of((String) parameters.getParameter(LoadJobConfig.INPUT).value());
        Path file = Path.of(stepExecution.getExecutionContext().getString(SourceFilePartitioner.FILE));
        long started = System.nanoTime();
        LoadAudit.Registration registration = audit.register(runId, source.folder(), inputDir, file);
        long fileId = registration.fileId();
        Fingerprint fingerprint = registration.fingerprint();
        if (registration.skipped()) {
            log.info("{}: {} unchanged since file {}: skipped", source.name(), LoadAudit.relative(inputDir, file), registration.loadedAs());
            return RepeatStatus.FINISHED;
        }
        if (fingerprint == null) {
            audit.failFile(fileId, "cannot read the file");
            return RepeatStatus.FINISHED;
        }
        StagedTable staged = null;
        long[] phaseNanos = new long[3];
        try (Connection connection = warehouse.getConnection()) {
            try {
                long t = System.nanoTime();
                Rules rules;
                if (source.stager() == null) {
                    // the rules first: the columns they convert per value are staged as delivered and trimmed per value
                    rules = rules(source.columns().all());
                    Set<String> trimPerValue = new LinkedHashSet<>(rules.rows().perValueColumns());
                    trimPerValue.remove(rules.rows().keyColumn());
                    staged = Staging.stage(connection, file, fileId, source.columns(), source.identifierColumns(), trimPerValue, fingerprint,
                            pseudonymizer);
                } else {
                    staged = source.stager().stage(connection, file, fileId, source.columns());
                    rules = rules(staged.columns());
                }
                phaseNanos[0] = System.nanoTime() - t;
                metrics.add(LoadMetrics.Phase.READ, phaseNanos[0]);
                metrics.addRows(staged.rows());
                load(connection, fileId, staged, rules, phaseNanos);
            } catch (FileRejectedException e) {
                // counted like any failed file (nothing read, loaded or rejected), so rows read = loaded + rejected holds
                audit.finishFile(fileId, 0, source.factTable(), moduleTables, 0, null, SafeMessage.of(e));
                log.warn("{}: file {} not loaded: {}", source.name(), fileId, SafeMessage.of(e));
                return RepeatStatus.FINISHED;
            } catch (Exception e) {
                // anything else that goes wrong with this file (a value DuckDB cannot store, a reader bug) is
                // this file's failure: it is reported with its cause, and the other files still load
                String reason = "load failed: " + SafeMessage.of(e);
                audit.finishFile(fileId, staged == null ? 0 : staged.rows(), source.factTable(), moduleTables, 0, null, reason);
                log.warn("{}: file {} not loaded: {}", source.name(), fileId, reason);
                log.debug("{}: file {} failure", source.name(), fileId, e);
                return RepeatStatus.FINISHED;
            } finally {
                if (staged != null) {
                    Staging.drop(connection, staged.table());
                }
            }
        }
        audit.finishFile(fileId, staged.rows(), source.factTable(), moduleTables, staged.noteRows(),
                staged.ignoredColumns().isEmpty() ? null : String.join(", ", staged.ignoredColumns()), null);
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        log.info("{}: file {} done: {} rows in {} s ({} rows/s; {}: {} s, rules {} s, write {} s)", source.name(), fileId, staged.rows(),
                seconds(System.nanoTime() - started), Math.round(staged.rows() / seconds),
                staged.nativeCsv() ? "read natively by DuckDB" : "streamed", seconds(phaseNanos[0]), seconds(phaseNanos[1]), seconds(phaseNanos[2]));
        return RepeatStatus.FINISHED;
    }

    /** The rules' values for one table, none of them file_id or row_number (the platform sets those). */
    private Facts checked(Facts facts) {
        for (TableField<?, ?> column : facts.values().keySet()) {
            if (column.getName().equals(FILE_ID) || column.getName().equals(ROW_NUMBER)) {
                throw new SafeMessage.SafeFailure("the rules of " + source.name() + " set " + column.getTable().getName() + "."
                        + column.getName() + ", which the platform sets");
            }
        }
        return facts;
    }

    /**
     * One rejected_row per broken rule of a rejected row: (file, row, column, value, reason), identifiers masked.
     * A delivered row staged as several rows (a budget line with an amount per year) is rejected once per reason.
     */
    private static Select<Record5<Long, Integer, String, String, String>> reasons(DSLContext dsl, long fileId, List<StagedRows.Check> checks,
                                                                             Table<?> badRows) {
        Select<Record5<Long, Integer, String, String, String>> reasons = null;
        for (int i = 0; i < checks.size(); i++) {
            var select = dsl.select(inline(fileId).as("file_id"), DSL.field(DSL.name("row_number"), SQLDataType.INTEGER),
                            DSL.field(DSL.name("n" + i), SQLDataType.VARCHAR).as("column_name"),
                            scrubbed(DSL.field(DSL.name("v" + i), SQLDataType.VARCHAR)).as("raw_value"),
                            scrubbedIn(DSL.field(DSL.name("r" + i), SQLDataType.VARCHAR), DSL.field(DSL.name("v" + i), SQLDataType.VARCHAR))
                                    .as("reason"))
                    .from(badRows).where(DSL.field(DSL.name("c" + i), SQLDataType.BOOLEAN).isTrue());
            reasons = reasons == null ? select : reasons.unionAll(select);
        }
        return reasons;
    }

    /** What a reject shows of a value, with anything identifying masked (opvang_scrub, as every message). */
    private static Field<String> scrubbed(Field<String> value) {
        return DSL.function(PseudonymFunction.SCRUB, SQLDataType.VARCHAR, value);
    }

    /** The reason, which is ours but quotes the value: the value in it scrubbed, our words (and bounds) kept. */
    private static Field<String> scrubbedIn(Field<String> reason, Field<String> value) {
        return DSL.when(value.isNull(), reason).otherwise(DSL.replace(reason, value, scrubbed(value)));
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /** The source's rules over the staged columns, and what they write. */
    private record Rules(StagedRows rows, List<Write> writes) {
    }

    /** One table's rows: the facts as the rules set them, each value checked against its column's bound (and cast once per value where it can be). */
    private record Write(Facts facts, Map<TableField<?, ?>, Field<?>> values) {
    }

    private Rules rules(List<String> stagedColumns) {
        StagedRows rows = new StagedRows(new LinkedHashSet<>(stagedColumns), source.identifierColumns());
        List<Facts> facts = source.rules().apply(rows).stream().map(this::checked).toList();
        if (source.key() != null) {
            rows.uniqueKey(source.key());
        }
        List<Write> writes = new ArrayList<>();
        for (Facts write : facts) {
            Map<TableField<?, ?>, Field<?>> values = new LinkedHashMap<>();
            write.values().forEach((column, value) -> values.put(column, rows.fitsColumn(column, value)));
            writes.add(new Write(write, values));
        }
        return new Rules(rows, writes);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void load(Connection connection, long fileId, StagedTable staged, Rules rules, long[] phaseNanos) throws Exception {
        PseudonymFunction.ensureRegistered(connection, pseudonymizer); // opvang_scrub, also for files staged by the streaming readers
        // the rules' statements with their values written in, not bound: DuckDB plans a literal better than a parameter
        // (the rules and write of a file of 250,000 meldingen took 0.36 s instead of 0.45 s); no client identifier is among them
        DSLContext dsl = DSL.using(connection, SQLDialect.DUCKDB, new Settings().withStatementType(StatementType.STATIC_STATEMENT));
        StagedRows rows = rules.rows();
        long t = System.nanoTime();
        Field<Integer> rowNumber = DSL.field(DSL.name(StagedRows.ALIAS, "row_number"), SQLDataType.INTEGER);
        Name bad = DSL.name("bad_" + fileId);
        List<StagedRows.Check> checks = rows.checks();
        List<Field<?>> badFields = new ArrayList<>();
        badFields.add(rowNumber);
        Condition any = DSL.falseCondition();
        for (int i = 0; i < checks.size(); i++) {
            StagedRows.Check check = checks.get(i);
            badFields.add(DSL.coalesce(DSL.field(check.when()), DSL.inline(false)).as("c" + i));
            badFields.add(check.column().as("n" + i));
            badFields.add(check.value().as("v" + i));
            badFields.add(check.reason().as("r" + i));
            any = any.or(check.when());
        }
        List<Name> valueTables = new ArrayList<>();
        try {
            // per converted column its distinct values, converted and checked once; the rows joined to them, read twice
            Table<?> parsed = rows.parsing(dsl, staged.table(), staged.rowNumber(), staged.dataRow(), staged.untrimmed(), valueTables).asTable(StagedRows.ALIAS);
            if (log.isDebugEnabled()) {
                log.debug("{}: file {} rules: {}", source.name(), fileId, dsl.renderInlined(dsl.select(badFields).from(parsed).where(any)));
            }
            dsl.execute("CREATE TEMP TABLE {0} AS {1}", bad, dsl.select(badFields).from(parsed).where(any));
            Table<?> badRows = DSL.table(bad);
            long rejected = dsl.fetchCount(badRows);
            Select<Record5<Long, Integer, String, String, String>> allReasons = reasons(dsl, fileId, checks, badRows);
            phaseNanos[1] = System.nanoTime() - t;
            metrics.add(LoadMetrics.Phase.VALIDATE, phaseNanos[1]);

            t = System.nanoTime();
            Condition accepted = rejected > 0
                    ? rowNumber.notIn(DSL.select(DSL.field(DSL.name("row_number"), SQLDataType.INTEGER)).from(badRows))
                    : DSL.trueCondition();
            dsl.transaction(tx -> {
                DSLContext txDsl = tx.dsl();
                if (rejected > 0 && allReasons != null) {
                    Table<?> reasons = allReasons.asTable("reasons");
                    txDsl.insertInto(REJECTED_ROW, REJECTED_ROW.FILE_ID, REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME,
                            REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON).select((Select) txDsl.selectDistinct(reasons.fields()).from(reasons))
                            .execute();
                }
                for (Write write : rules.writes()) {
                    // by name: each value goes to the column it is keyed by, wherever the table holds that column
                    Table<?> table = write.facts().table();
                    List<Field<?>> target = new ArrayList<>(List.of(table.field(FILE_ID), table.field(ROW_NUMBER)));
                    target.addAll(write.values().keySet());
                    List<Field<?>> select = new ArrayList<>(List.of(inline(fileId), rowNumber));
                    select.addAll(write.values().values());
                    txDsl.insertInto(table).columns(target)
                            .select((Select) txDsl.select(select).from(parsed).where(write.facts().where(), accepted)).execute();
                }
            });
            phaseNanos[2] = System.nanoTime() - t;
            metrics.add(LoadMetrics.Phase.WRITE, phaseNanos[2]);
        } finally {
            Staging.drop(connection, bad);
            valueTables.forEach(table -> Staging.drop(connection, table));
        }
    }
}
