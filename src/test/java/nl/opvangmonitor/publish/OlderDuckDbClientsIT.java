package nl.opvangmonitor.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clients analysts and BI tools run (DuckDB JDBC 1.4.4.0, the LTS, and 1.5.6.0, copied into
 * target/duckdb-clients by the build) open both files of a load of the shipped sample and give the
 * same answers as our DuckDB 2.0 driver to every example query of the README and sql/queries. Each
 * older driver runs in a child JVM: its native library must not share a JVM with 2.0's.
 */
class OlderDuckDbClientsIT {

    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path temp;
    static Path warehouse;
    static List<String> readmeQueries;
    static Path queryFile;

    @BeforeAll
    static void loadTheSample() throws IOException {
        warehouse = temp.resolve("warehouse/opvangmonitor.duckdb");
        var load = CommandLineRunner.run("load", "--input", "input", "--warehouse", warehouse.toString());
        assertThat(load.exitCode()).isZero();
        readmeQueries = exampleQueries(Files.readString(Path.of("README.md")));
        List<String> all = new ArrayList<>(readmeQueries);
        try (Stream<Path> files = Files.list(Path.of("sql/queries"))) {
            for (Path f : files.sorted().toList()) {
                all.addAll(exampleQueries("```sql\n" + Files.readString(f) + "```"));
            }
        }
        queryFile = Files.writeString(temp.resolve("queries.sql"), String.join("\n;\n", all));
    }

    static Stream<Arguments> clientsAndFiles() {
        return Stream.of("1.4.4.0", "1.5.6.0").flatMap(version ->
                Stream.of("opvangmonitor.duckdb", "publiek.duckdb").map(file -> Arguments.of(version, file)));
    }

    @ParameterizedTest(name = "DuckDB JDBC {0} opens {1}")
    @MethodSource("clientsAndFiles")
    void olderClient_whenOpeningAPublishedFile_thenAnswersEveryExampleQueryAsDuckDb2(String version, String fileName) throws Exception {
        // given the answers of our own driver
        Path file = warehouse.resolveSibling(fileName);
        String expected;
        try (var c = DuckDbClientProbe.connect(file)) {
            expected = DuckDbClientProbe.answers(c, DuckDbClientProbe.queries(queryFile));
        }

        // when the older driver runs the same queries in its own JVM
        Path driver = Path.of("target/duckdb-clients/duckdb_jdbc-" + version + ".jar");
        assertThat(driver).exists();
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", Path.of("target/test-classes") + java.io.File.pathSeparator + driver,
                DuckDbClientProbe.class.getName(), file.toString(), queryFile.toString())
                .redirectError(temp.resolve(version + fileName + ".err").toFile())
                .start();
        String actual = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then it opened the file and every answer is the same
        assertThat(probe.exitValue()).as(Files.readString(temp.resolve(version + fileName + ".err"))).isZero();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).contains("== query " + DuckDbClientProbe.queries(queryFile).size());
    }

    /** Every README query returns rows on the shipped sample, or says which input it needs ({@code -- needs: …}). */
    @ParameterizedTest(name = "README query {index} returns rows")
    @MethodSource("readmeQueryNumbers")
    void readmeQuery_whenRunOnTheSample_thenReturnsRows(int number) throws Exception {
        // given the query as the README prints it, and the file the README says it is for
        String query = readmeQueries.get(number);
        Path file = warehouse.resolveSibling(query.contains("core.") || query.contains("audit.") ? "opvangmonitor.duckdb" : "publiek.duckdb");

        // when / then
        try (var c = DuckDbClientProbe.connect(file)) {
            String answer = DuckDbClientProbe.answers(c, List.of(query));
            assertThat(answer).as(query).doesNotContain("error:");
            assertThat(answer.lines().count()).as(query).isGreaterThan(1);
        }
    }

    static Stream<Integer> readmeQueryNumbers() throws IOException {
        List<String> queries = exampleQueries(Files.readString(Path.of("README.md")));
        return Stream.iterate(0, i -> i + 1).limit(queries.size()).filter(i -> !queries.get(i).contains("-- needs: "));
    }

    /** The statements of every ```sql block, one per entry. */
    static List<String> exampleQueries(String markdown) {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(markdown);
        while (m.find()) {
            for (String statement : m.group(1).split(";\\s*(--[^\\n]*)?\\n")) {
                if (statement.lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--"))) {
                    queries.add(statement.strip());
                }
            }
        }
        return queries;
    }
}
