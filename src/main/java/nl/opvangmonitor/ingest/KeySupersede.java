package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.ROW_REPLACEMENT;
import static org.jooq.impl.DSL.inline;

import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After the files of a keyed source are loaded: a natural key (melding_id, verblijf_id) that more than
 * one loaded delivery holds keeps the row of the newest delivery (the latest run; within a run the file
 * modified last, then the last path), as a dbt incremental model with a unique_key merges. The older
 * rows are removed and counted per pair of files in audit.row_replacement, so nothing counts twice and
 * the summary says what replaced what. Only keys that this run's files hold are looked at.
 */
class KeySupersede implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(KeySupersede.class);

    private final StagedSource source;
    private final DataSource warehouse;

    KeySupersede(StagedSource source, DataSource warehouse) {
        this.source = source;
        this.warehouse = warehouse;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = (Long) chunkContext.getStepContext().getStepExecution().getJobExecution().getJobParameters()
                .getParameter(LoadJobConfig.RUN_ID).value();
        DSLContext dsl = DSL.using(warehouse, SQLDialect.DUCKDB);
        Table<?> fact = source.factTable().as("f");
        Field<String> key = fact.field(source.key(), String.class);
        Field<Long> fileId = fact.field("file_id", Long.class);
        Field<Long> rowId = DSL.field(DSL.name("f", "rowid"), SQLDataType.BIGINT);
        var delivery = LOAD_FILE.as("d");
        var thisRun = LOAD_FILE.as("r");
        Field<Long> winner = DSL.firstValue(fileId).over(DSL.partitionBy(key)
                .orderBy(delivery.RUN_ID.desc(), delivery.MODIFIED_AT.desc().nullsLast(), delivery.FILE_PATH.desc()));
        Name replaced = DSL.name("replaced_" + source.name());
        Field<Long> oldFile = DSL.field(DSL.name("replaced_file_id"), SQLDataType.BIGINT);
        Field<Long> newFile = DSL.field(DSL.name("file_id"), SQLDataType.BIGINT);
        Field<Long> replacedRow = DSL.field(DSL.name("rid"), SQLDataType.BIGINT);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.execute("CREATE TEMP TABLE {0} AS SELECT * FROM ({1}) WHERE replaced_file_id <> file_id", replaced,
                    t.select(rowId.as("rid"), fileId.as("replaced_file_id"), winner.as("file_id"))
                            .from(fact).join(delivery).on(delivery.FILE_ID.eq(fileId))
                            .where(key.in(repeatedKeys(t, fact, key, fileId, thisRun, runId))));
            try {
                t.insertInto(ROW_REPLACEMENT, ROW_REPLACEMENT.RUN_ID, ROW_REPLACEMENT.FILE_ID, ROW_REPLACEMENT.REPLACED_FILE_ID,
                                ROW_REPLACEMENT.KEY_COLUMN, ROW_REPLACEMENT.ROWS_REPLACED)
                        .select(t.select(inline(runId), newFile, oldFile, inline(source.key()), DSL.count().cast(SQLDataType.BIGINT))
                                .from(replaced).groupBy(newFile, oldFile))
                        .execute();
                Condition replacedRows = DSL.field(DSL.name("rowid"), SQLDataType.BIGINT).in(t.select(replacedRow).from(replaced));
                ScanScope.recordYears(t, runId, source.factTable(), replacedRows);
                int removed = t.deleteFrom(source.factTable()).where(replacedRows).execute();
                if (removed > 0) {
                    log.info("{}: {} rows replaced by a newer delivery with the same {}", source.name(), removed, source.key());
                }
            } finally {
                t.dropTableIfExists(replaced).execute();
            }
        });
        return RepeatStatus.FINISHED;
    }

    /**
     * The keys of this run's rows that are in more than one file: only their rows are ranked (a window over every
     * row of a first load sorts millions of keys that no other file holds).
     */
    private static Select<Record1<String>> repeatedKeys(DSLContext t, Table<?> fact, Field<String> key, Field<Long> fileId, Table<?> thisRun,
                                                     long runId) {
        Field<Long> runFile = thisRun.field(LOAD_FILE.FILE_ID);
        return t.select(key).from(fact)
                .where(key.in(t.select(key).from(fact).join(thisRun).on(runFile.eq(fileId))
                        .where(thisRun.field(LOAD_FILE.RUN_ID).eq(inline(runId)))))
                .groupBy(key).having(DSL.min(fileId).ne(DSL.max(fileId)));
    }
}
