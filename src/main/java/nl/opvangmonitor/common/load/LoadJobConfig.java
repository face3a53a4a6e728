package nl.opvangmonitor.common.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.privacy.SafeMessage;
import org.jooq.Table;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly load: one partitioned step per source folder (a partition per delivered file, so every
 * file has its own step execution, counts and restart point), then the indicator computation.
 * The folders are those of the {@link SourceModules}, in their order: set-based {@link StagedSource}s
 * (one tasklet per file, then the supersede of natural keys) and, until every source is staged,
 * row-by-row {@link SourceDefinition} beans of the same name (chunks of validated rows through the Appender).
 */
@Configuration
public class LoadJobConfig {

    public static final String RUN_ID = "runId";
    public static final String INPUT = "input";
    public static final String STARTED_AT = "startedAt";

    @Bean
    public Job loadJob(JobRepository jobRepository, ObjectProvider<SourceDefinition<?>> rowByRowSources,
                       DataSource warehouseDataSource, Pseudonymizer pseudonymizer,
                       @BatchTransactionManager PlatformTransactionManager batchTransactionManager,
                       LoadAudit audit, OpvangmonitorProperties properties,
                       @Qualifier("indicatorsStep") Step indicatorsStep) {
        JobBuilder builder = new JobBuilder("loadJob", jobRepository);
        SimpleJobBuilder job = null;
        Map<String, SourceDefinition<?>> rowByRow = rowByRowSources.orderedStream()
                .collect(Collectors.toMap(SourceDefinition::name, d -> d));
        for (SourceModule module : SourceModules.all()) {
            Map<String, StagedSource> staged = module.sources().stream().collect(Collectors.toMap(StagedSource::name, s -> s));
            for (SourceModule.Folder folder : module.folders()) {
                StagedSource source = staged.get(folder.name());
                Step step = source != null
                        ? stagedStep(source, module.factTables(), jobRepository, batchTransactionManager, audit, properties, warehouseDataSource,
                                pseudonymizer)
                        : sourceStep(Optional.ofNullable(rowByRow.get(folder.name())).orElseThrow(() -> new IllegalStateException(
                                "source module " + module.name() + " declares the folder " + folder.folder() + " but no source loads it")),
                                jobRepository, batchTransactionManager, audit, properties);
                job = job == null ? builder.start(step) : job.next(step);
                if (source != null && source.key() != null) {
                    job.next(new StepBuilder(source.name() + "KeyStep", jobRepository)
                            .tasklet(new KeySupersede(source, warehouseDataSource), batchTransactionManager).build());
                }
            }
        }
        return job == null ? builder.start(indicatorsStep).build() : job.next(indicatorsStep).build();
    }

    private static Step stagedStep(StagedSource source, List<Table<?>> moduleTables, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   LoadAudit audit, OpvangmonitorProperties properties, DataSource warehouse, Pseudonymizer pseudonymizer) {
        StagedSource configured = source.withColumns(source.columns().withAliases(properties.columnAliases(source.name())));
        Step fileStep = new StepBuilder(source.name() + "FileStep", jobRepository)
                .tasklet(new StagedFileTasklet(configured, moduleTables, audit, warehouse, pseudonymizer), transactionManager)
                .build();
        // while one file waits on Java (fingerprint, header, pseudonyms), another keeps DuckDB busy
        SimpleAsyncTaskExecutor files = new SimpleAsyncTaskExecutor(source.name() + "-file-");
        files.setConcurrencyLimit(Math.max(1, properties.parallelFiles()));
        LargestFileFirst handler = new LargestFileFirst();
        handler.setStep(fileStep);
        handler.setTaskExecutor(files);
        return new StepBuilder(source.name() + "LoadStep", jobRepository)
                .partitioner(fileStep.getName(), new SourceFilePartitioner(properties.input().resolve(source.folder())))
                .partitionHandler(handler)
                .build();
    }

    private static <T> Step sourceStep(SourceDefinition<T> source, JobRepository jobRepository,
                                       PlatformTransactionManager transactionManager, LoadAudit audit,
                                       OpvangmonitorProperties properties) {
        SourceDefinition<T> configured = new SourceDefinition<>(source.name(), source.folder(),
                source.columns().withAliases(properties.columnAliases(source.name())),
                source.identifierColumns(), source.mapper(), source.writer(), source.opener());
        SourceFileReader reader = new SourceFileReader(configured, audit);
        Step fileStep = new StepBuilder(source.name() + "FileStep", jobRepository)
                .<nl.opvangmonitor.common.io.SourceRow, Validated<T>>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(row -> {
                    long start = System.nanoTime();
                    try {
                        return configured.mapper().apply(new RowValidator(row, configured.identifierColumns()));
                    } catch (RuntimeException e) {
                        reader.fail("load failed at row " + row.rowNumber() + ": " + SafeMessage.of(e));
                        return null;
                    } finally {
                        LoadMetrics.VALIDATE_NANOS.addAndGet(System.nanoTime() - start);
                    }
                })
                .writer(chunk -> {
                    // a chunk that cannot be written fails its file, not the night
                    if (!reader.failed()) {
                        try {
                            configured.writer().write(chunk);
                        } catch (Exception e) {
                            reader.fail("load failed: " + SafeMessage.of(e));
                        }
                    }
                })
                .listener(reader)
                .build();
        return new StepBuilder(source.name() + "LoadStep", jobRepository)
                .partitioner(fileStep.getName(), new SourceFilePartitioner(properties.input().resolve(source.folder())))
                .step(fileStep)
                .build();
    }
}
