package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands go through ./opvangmonitor, which finds a JDK 21+ whatever the default java is. */
class LauncherScriptIT {

    @TempDir
    Path temp;

    record Outcome(int exitCode, String output) {
    }

    private static Outcome run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "./opvangmonitor").redirectErrorStream(true);
        builder.command().addAll(java.util.List.of(args));
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void script_whenNoJdk21IsInstalled_thenOneLineSayingWhatToInstall() throws Exception {
        // given: JAVA_HOME wrong, only an old java (if any) on PATH, no JDK in the JVM folder
        var outcome = run(Map.of("JAVA_HOME", temp.resolve("no-jdk").toString(), "OPVANGMONITOR_JVM_DIR", temp.toString()), "status");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).isEqualTo("opvangmonitor needs a JDK 21 or newer and found none (JAVA_HOME, java on PATH, " + temp
                + "): install one, e.g. apt-get install openjdk-21-jdk-headless, or set JAVA_HOME to it\n");
    }

    @Test
    void script_whenDefaultJavaIsOlderButAJdk21IsInstalled_thenTestRunsMavenOnThatJdk() throws Exception {
        // when: the test command, asked only for Maven's version (so nothing is built)
        var outcome = run(Map.of(), "test", "--version");

        // then Maven runs on a JDK 21 or newer found under /usr/lib/jvm (the default java on this PATH may be 17)
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).containsPattern("Java version: (2[1-9]|[3-9][0-9])");
    }
}
