package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** Every killed run is in the history as INTERRUPTED; an expected failure is one line, never a stack trace. */
class InterruptedRunsIT {

    @TempDir
    Path temp;

    Path input() throws Exception {
        Path input = temp.resolve("input");
        FileSystemUtils.copyRecursively(Path.of("input/streefwaarden"), input.resolve("streefwaarden"));
        return input;
    }

    @Test
    void load_whenAnotherLoadHoldsTheLock_thenOneLineWithItsPidAndStartTime() throws Exception {
        // given: another load holds the lock and has written its pid and start time into it
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        Path lockFile = Files.createDirectories(temp.resolve("wh/.build")).resolve("opvangmonitor.duckdb.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            channel.write(ByteBuffer.wrap("4242 2026-11-30T01:00:05".getBytes(StandardCharsets.US_ASCII)));

            // when
            var run = CommandLineRunner.run("load", "--input", input().toString(), "--warehouse", warehouse.toString());

            // then
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("Run failed: another load is running on " + warehouse.toAbsolutePath()
                    + " (pid 4242, started 2026-11-30 01:00:05)");
        }
        assertThat(warehouse).doesNotExist();
    }

    @Test
    void load_whenLoadsDiedBeforeTheirJobStarted_thenHistoryShowsEachInterrupted() throws Exception {
        // given: two loads were killed after they took the lock and before their job existed (their lines stay in the lock file)
        Path input = input();
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString()).exitCode()).isZero();
        java.time.LocalDateTime killedAt = java.time.LocalDateTime.now().withNano(0).plusSeconds(1);
        Files.writeString(temp.resolve("wh/.build/opvangmonitor.duckdb.lock"), "4242 " + killedAt + "\n4243 " + killedAt.plusSeconds(2) + "\n");
        String shown = nl.opvangmonitor.cli.HistoryCommand.time(killedAt);

        // when: the next load runs (nothing new) and history is asked
        var next = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());
        var history = CommandLineRunner.run("history", "--warehouse", warehouse.toString());

        // then
        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("The load started " + shown + " (pid 4242) was interrupted before its job started");
        assertThat(next.out()).contains("(pid 4243) was interrupted before its job started");
        assertThat(history.out().lines().filter(l -> l.contains("INTERRUPTED")).toList()).hasSize(2)
                .last().asString().contains(shown);
        assertThat(history.out().lines().filter(l -> l.contains(" COMPLETED ")).count()).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("wh/.build/opvangmonitor.duckdb.lock"))).isEmpty();
    }

    @Test
    void load_whenTheWarehouseFolderCannotBeCreated_thenOneLineSayingWhatCouldNotBeWritten() throws Exception {
        // given: where the warehouse folder should be, there is a file
        Files.writeString(temp.resolve("wh"), "not a folder");

        // when
        var run = CommandLineRunner.run("load", "--input", input().toString(), "--warehouse", temp.resolve("wh/opvangmonitor.duckdb").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("Run failed: cannot write " + temp.resolve("wh/.build") + ": Not a directory");
    }

    @Test
    void load_whenProductionRunHasNoKey_thenOneLineWithoutStackTrace() throws Exception {
        var run = CommandLineRunner.run("load", "--input", input().toString(), "--warehouse", temp.resolve("wh/w.duckdb").toString(),
                "--spring.profiles.active=production");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines().toList()).singleElement().asString()
                .startsWith("Run failed: no pseudonymisation key: set the environment variable OPVANGMONITOR_PSEUDONYM_KEY");
    }
}
