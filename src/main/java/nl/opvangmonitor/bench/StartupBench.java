package nl.opvangmonitor.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as a scheduler or a user sees it: every short command as a whole new process
 * ({@code java -jar} the running jar, or this class path under the tests), {@code runs} times each,
 * the median wall time. Other processes on the machine change these figures: repeat and compare medians.
 */
final class StartupBench {

    private StartupBench() {
    }

    static void measure(Path input, Path warehouse, int runs, PrintStream out) throws Exception {
        String w = warehouse.toString();
        List<List<String>> commands = List.of(List.of("--help"), List.of("status", "--warehouse", w), List.of("history", "--warehouse", w),
                List.of("load", "--input", input.toString(), "--warehouse", w));
        for (List<String> command : commands) {
            double[] seconds = new double[runs];
            int exit = 0;
            for (int i = 0; i < runs; i++) {
                List<String> line = new ArrayList<>(launcher(List.of()));
                line.addAll(command);
                long t = System.nanoTime();
                Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                exit = process.exitValue();
                seconds[i] = (System.nanoTime() - t) / 1e9;
            }
            Arrays.sort(seconds);
            out.printf(Locale.ROOT, "start-up: %-24s %10.2f s median of %d (min %.2f, max %.2f)%n",
                    command.getFirst() + " (exit " + exit + ")", seconds[runs / 2], runs, seconds[0], seconds[runs - 1]);
        }
    }

    /**
     * A new JVM started as this program was, with these options: the jar with {@code java -jar}, else its class path
     * (tests, an IDE).
     */
    static List<String> launcher(List<String> jvmOptions) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        line.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            line.addAll(List.of("-jar", classPath));
        } else {
            line.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath, "nl.opvangmonitor.Launcher"));
        }
        return line;
    }
}
