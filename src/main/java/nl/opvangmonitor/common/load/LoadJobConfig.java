package nl.opvangmonitor.common.load;

import java.util.List;
import javax.sql.DataSource;
import nl.opvangmonitor.common.config.OpvangmonitorProperties;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.privacy.SafeMessage;
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
 * The nightly load: one partitioned step per source (a partition per delivered file, so every
 * file has its own step execution, counts and restart point), then the indicator computation.
 * Sources are the {@link LoadSource} beans of the feature packages, in their @Order: set-based
 * {@link StagedSource}s (one tasklet per file) and row-by-row {@link SourceDefinition}s (chunks of
 * validated rows through the Appender).
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
    public Job loadJob(JobRepository jobRepository, List<LoadSource> sources,
                       DataSource warehouseDataSource, Pseudonymizer pseudonymizer,
                       @BatchTransactionManager PlatformTransactionManager batchTransactionManager,
                       LoadAudit audit, OpvangmonitorProperties properties, LoadMetrics metrics,
                       @Qualifier("indicatorsStep") Step indicatorsStep) {
        JobBuilder builder = new JobBuilder("loadJob", jobRepository);
        SimpleJobBuilder job = null;
        for (LoadSource source : sources) {
            Step step = switch (source) {
                case StagedSource staged -> stagedStep(staged, jobRepository, batchTransactionManager, audit, properties,
                        warehouseDataSource, pseudonymizer, metrics);
                case SourceDefinition<?> rowByRow -> sourceStep(rowByRow, jobRepository, batchTransactionManager, audit, properties, metrics);
            };
            job = job == null ? builder.start(step) : job.next(step);
            if (source instanceof StagedSource staged && staged.key() != null) {
                job.next(new StepBuilder(staged.name() + "KeyStep", jobRepository)
                        .tasklet(new KeySupersede(staged, warehouseDataSource), batchTransactionManager).build());
            }
        }
        return job == null ? builder.start(indicatorsStep).build() : job.next(indicatorsStep).build();
    }

    private static Step stagedStep(StagedSource source, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   LoadAudit audit, OpvangmonitorProperties properties, DataSource warehouse, Pseudonymizer pseudonymizer,
                                   LoadMetrics metrics) {
        StagedSource configured = source.withColumns(source.columns().withAliases(properties.columnAliases(source.name())));
        Step fileStep = new StepBuilder(source.name() + "FileStep", jobRepository)
                .tasklet(new StagedFileTasklet(configured, audit, warehouse, pseudonymizer, metrics), transactionManager)
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
                                       OpvangmonitorProperties properties, LoadMetrics metrics) {
        SourceDefinition<T> configured = new SourceDefinition<>(source.name(), source.folder(),
                source.columns().withAliases(properties.columnAliases(source.name())),
                source.identifierColumns(), source.mapper(), source.writer(), source.opener());
        SourceFileReader reader = new SourceFileReader(configured, audit, metrics);
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
                        metrics.since(LoadMetrics.Phase.VALIDATE, start);
                    }
                })
                .writer(chunk -> {
                    // a chunk that cannot be written fails its file, not the night
                    if (!reader.failed()) {
                        long start = System.nanoTime();
                        try {
                            configured.writer().write(chunk);
                        } catch (Exception e) {
                            reader.fail("load failed: " + SafeMessage.of(e));
                        } finally {
                            metrics.since(LoadMetrics.Phase.WRITE, start);
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
