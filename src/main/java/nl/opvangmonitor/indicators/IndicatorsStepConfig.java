package nl.opvangmonitor.indicators;

import nl.opvangmonitor.ingest.LoadMetrics;
import nl.opvangmonitor.ingest.LoadJobConfig;
import nl.opvangmonitor.ingest.ScanScope;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The last step of the load: recompute the indicator values (all, or those of the years the run affected) from the loaded facts. */
@Configuration
public class IndicatorsStepConfig {

    @Bean
    public Step indicatorsStep(JobRepository jobRepository, @BatchTransactionManager PlatformTransactionManager transactionManager,
                               IndicatorComputation computation, DSLContext dsl, LoadMetrics metrics) {
        return new StepBuilder("indicatorsStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    long start = System.nanoTime();
                    long runId = (Long) chunkContext.getStepContext().getStepExecution().getJobExecution().getJobParameters()
                            .getParameter(LoadJobConfig.RUN_ID).value();
                    int rows = computation.recompute(ScanScope.of(dsl, runId));
                    metrics.since(LoadMetrics.Phase.INDICATORS, start);
                    contribution.incrementWriteCount(rows);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
