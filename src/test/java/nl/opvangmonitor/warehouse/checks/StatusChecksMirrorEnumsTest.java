package nl.opvangmonitor.warehouse.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.opvangmonitor.ingest.FileStatus;
import nl.opvangmonitor.ingest.RunStatus;
import org.junit.jupiter.api.Test;

class StatusChecksMirrorEnumsTest {

    @Test
    void acceptedStatuses_whenDeclared_thenExactlyTheEnumValues() {
        // given the declared checks (sql/checks on the classpath)
        List<Check> checks = CheckDeclarations.load(null);

        // then the accepted statuses of both audit tables are the enums' values, in their order
        assertThat(accepted(checks, "audit.load_file")).containsExactly(names(FileStatus.values()));
        assertThat(accepted(checks, "audit.load_run")).containsExactly(names(RunStatus.values()));
    }

    private static List<String> accepted(List<Check> checks, String model) {
        return checks.stream().filter(c -> c.model().equals(model) && c.kind().equals("accepted_values") && c.columns().equals(List.of("status")))
                .findFirst().orElseThrow().values();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
