package nl.opvangmonitor.ingest;

import java.util.List;
import javax.sql.DataSource;
import nl.opvangmonitor.warehouse.OpvangmonitorProperties;
import nl.opvangmonitor.privacy.Pseudonymizer;
import org.jooq.Table;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly load: one partitioned step per source folder (a partition per delivered file, so every
 * file has its own step execution, counts and restart point), then the indicator computation.
 * The folders are the {@link StagedSource}s of the {@link SourceModules}, in their order: one tasklet
 * per file, then the supersede of natural keys.
 */
@Configuration
public class LoadJobConfig {

    public static final String RUN_ID = "runId";
    public static final String INPUT = "input";
    public static final String STARTED_AT = "startedAt";

    /** The run's phase timings; a caller that reads them (the benchmark) registers its own before the context starts. */
    @Bean
    @ConditionalOnMissingBean
    public LoadMetrics loadMetrics() {
        return new LoadMetrics();
    }

    @Bean
    public Job loadJob(JobRepository jobRepository, DataSource warehouseDataSource, Pseudonymizer pseudonymizer,
                       @BatchTransactionManager PlatformTransactionManager batchTransactionManager,
                       LoadAudit audit, OpvangmonitorProperties properties, LoadMetrics metrics,
                       @Qualifier("indicatorsStep") Step indicatorsStep) {
        JobBuilder builder = new JobBuilder("loadJob", jobRepository);
        SimpleJobBuilder job = null;
        for (SourceModule module : SourceModules.all()) {
            for (StagedSource source : module.sources()) {
                Step step = stagedStep(source, module.factTables(), jobRepository, batchTransactionManager, audit, properties, warehouseDataSource,
                        pseudonymizer, metrics);
                job = job == null ? builder.start(step) : job.next(step);
                if (source.key() != null) {
                    job.next(new StepBuilder(source.name() + "KeyStep", jobRepository)
                            .tasklet(new KeySupersede(source, warehouseDataSource), batchTransactionManager).build());
                }
            }
        }
        return job == null ? builder.start(indicatorsStep).build() : job.next(indicatorsStep).build();
    }

    private static Step stagedStep(StagedSource source, List<Table<?>> moduleTables, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   LoadAudit audit, OpvangmonitorProperties properties, DataSource warehouse, Pseudonymizer pseudonymizer,
                                   LoadMetrics metrics) {
        StagedSource configured = source.withColumns(source.columns().withAliases(properties.columnAliases(source.name())));
        Step fileStep = new StepBuilder(source.name() + "FileStep", jobRepository)
                .tasklet(new StagedFileTasklet(configured, moduleTables, audit, warehouse, pseudonymizer, metrics), transactionManager)
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
}
