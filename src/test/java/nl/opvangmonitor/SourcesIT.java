package nl.opvangmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.common.load.LoadSource;
import nl.opvangmonitor.common.load.SourceDefinition;
import nl.opvangmonitor.common.load.StagedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The sources the command line knows without Spring are exactly the LoadSource beans the load runs. */
class SourcesIT {

    @TempDir
    Path temp;

    @Test
    void all_whenComparedWithTheLoadSourceBeans_thenSameNamesFoldersAndColumnsInLoadOrder() {
        // given the application context a load starts
        try (var context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(Map.of("opvangmonitor.warehouse", temp.resolve("w.duckdb").toString())).run()) {
            // when
            List<String> beans = context.getBeanProvider(LoadSource.class).orderedStream().map(SourcesIT::describe).toList();

            // then
            assertThat(Sources.ALL.stream().map(s -> s.name() + " " + s.folder() + " " + s.columns().all()).toList()).isEqualTo(beans);
        }
    }

    private static String describe(LoadSource source) {
        var columns = switch (source) {
            case StagedSource staged -> staged.columns();
            case SourceDefinition<?> definition -> definition.columns();
        };
        return source.name() + " " + source.folder() + " " + columns.all();
    }
}
