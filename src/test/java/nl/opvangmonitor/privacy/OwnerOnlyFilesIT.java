package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a load writes is owner-only (umask 077 at start-up), except the public database meant for analysts. */
class OwnerOnlyFilesIT {

    @TempDir
    Path temp;

    @Test
    void load_whenRunTwiceWithOneFailedBuild_thenEveryFileWrittenIsOwnerOnly() throws Exception {
        // given: a first night that publishes, a second whose build fails the BSN guard and is kept
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("a.csv"), BsnLadenExportIT.HEADER + "M1;K1;01-02-2020;GM0599;partnergeweld;3;ja;ja;nee;;nee\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString())
                .exitCode()).isZero();
        Files.writeString(vt.resolve("b.csv"), BsnLadenExportIT.HEADER + "111222333;K2;01-02-2020;GM0599;partnergeweld;3;ja;ja;nee;;nee\n");

        // when
        var second = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        // then: the umask is 077 and every file and folder under the warehouse folder is the owner's only,
        // except the public database and the folder that leads to it
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(OwnerOnly.restrictUmask()).isEqualTo(0077);
        Map<String, String> permissions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(temp.resolve("wh"))) {
            for (Path p : files.toList()) {
                permissions.put(temp.resolve("wh").relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        assertThat(permissions).containsKeys("opvangmonitor.duckdb", "opvangmonitor-jobs.mv.db", ".build", ".build/opvangmonitor.failed.duckdb",
                "publiek.duckdb");
        permissions.forEach((file, mode) -> {
            String expected = file.equals("publiek.duckdb") ? "rw-r--r--" : file.isEmpty() ? "rwxr-xr-x" : file.equals(".build") ? "rwx------"
                    : "rw-------";
            assertThat(mode).as(file).isEqualTo(expected);
        });
    }
}
