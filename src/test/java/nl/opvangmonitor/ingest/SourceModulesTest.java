package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.ingest.read.SourceColumns;
import org.jooq.Condition;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The registry of source modules: complete, and refusing a module that would let microdata escape retention. */
class SourceModulesTest {

    private static final SourceColumns COLUMNS = SourceColumns.of(List.of("client_id", "datum", "voorziening"), List.of());

    @Test
    void all_whenEveryModuleClassOfTheCodeIsLookedFor_thenEachIsRegisteredInLoadOrder() {
        // given every concrete SourceModule class under nl.opvangmonitor
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(SourceModule.class));
        Set<String> written = scanner.findCandidateComponents("nl.opvangmonitor").stream().map(BeanDefinition::getBeanClassName)
                .collect(java.util.stream.Collectors.toSet());

        // when
        List<String> registered = SourceModules.all().stream().map(m -> m.getClass().getName()).toList();

        // then: a module written but not listed in META-INF/services would be missing here
        assertThat(registered).containsExactlyInAnyOrderElementsOf(written);
        assertThat(SourceModules.all().stream().map(SourceModule::name).toList())
                .containsExactly("veiligthuis", "opvang", "financien", "streefwaarden", "gepubliceerd");
    }

    @Test
    void checked_whenAModuleKeepsClientIdentifiersWithoutRetention_thenItIsRefusedNamingModuleAndTable() {
        // given a module whose source pseudonymises client_id into core.fct_nacht and declares no retention
        SourceModule forgetful = module("nachten", Map.of());

        // when / then
        assertThatThrownBy(() -> SourceModules.checked(List.of(forgetful)))
                .hasMessage("source module nachten keeps client identifiers (client_id) in fct_nacht but declares no retention"
                        + " condition for it (SourceModule.expired)");
    }

    @Test
    void checked_whenAModuleDeclaresRetentionForItsMicrodata_thenItIsAccepted() {
        SourceModule careful = module("nachten", Map.of(FCT_NACHT, FCT_NACHT.NIGHT_DATE.lt(LocalDate.of(2011, 1, 1))));

        assertThat(SourceModules.checked(List.of(careful))).containsExactly(careful);
    }

    @Test
    void checked_whenTwoModulesReadOneFolder_thenRefused() {
        Map<Table<?>, Condition> retention = Map.of(FCT_NACHT, FCT_NACHT.NIGHT_DATE.isNull());

        assertThatThrownBy(() -> SourceModules.checked(List.of(module("a", retention), module("b", retention))))
                .hasMessage("source module b: source nachten or folder opvang/nachten is declared twice");
    }

    private static SourceModule module(String name, Map<Table<?>, Condition> expired) {
        return new SourceModule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<StagedSource> sources() {
                return List.of(new StagedSource("nachten", "opvang/nachten", COLUMNS, Set.of("client_id"), FCT_NACHT, r -> new Facts()));
            }

            @Override
            public Map<Table<?>, Condition> expired(LocalDate cutoff) {
                return expired;
            }
        };
    }
}
