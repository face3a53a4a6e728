package nl.opvangmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import nl.opvangmonitor.ingest.SourceModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The sources the command line knows without Spring are exactly the folders the load job runs, in its order. */
class SourcesIT {

    @TempDir
    Path temp;

    @Test
    void all_whenComparedWithTheLoadJob_thenOneStepPerFolderInModuleOrder() {
        // given the application context a load starts
        try (var context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(Map.of("opvangmonitor.warehouse", temp.resolve("w.duckdb").toString())).run()) {
            // when
            Collection<String> steps = ((SimpleJob) context.getBean("loadJob", Job.class)).getStepNames();

            // then
            assertThat(SourceModules.folders().stream().map(s -> s.name() + " " + s.folder()).toList()).containsExactly(
                    "veiligthuis veiligthuis", "opvangVerblijven opvang/verblijven", "opvangNachten opvang/nachten",
                    "opvangAfwijzingen opvang/afwijzingen", "financien financien", "streefwaarden streefwaarden",
                    "gepubliceerd gepubliceerd");
            assertThat(steps).containsExactly("veiligthuisLoadStep", "veiligthuisKeyStep", "opvangVerblijvenLoadStep",
                    "opvangVerblijvenKeyStep", "opvangNachtenLoadStep", "opvangAfwijzingenLoadStep", "financienLoadStep",
                    "streefwaardenLoadStep", "gepubliceerdLoadStep", "indicatorsStep");
        }
    }
}
