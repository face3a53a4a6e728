package nl.opvangmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HistoryCommandTest {

    @Test
    void time_whenOnTheMinute_thenStillShowsSeconds() {
        // LocalDateTime.toString() would print "2026-11-23T20:40", breaking the status and history columns
        assertThat(HistoryCommand.time(LocalDateTime.of(2026, 11, 23, 20, 40, 0, 123_000_000))).isEqualTo("2026-11-23 20:40:00");
        assertThat(HistoryCommand.time(LocalDateTime.of(2026, 1, 2, 3, 4, 5))).isEqualTo("2026-01-02 03:04:05");
        assertThat(HistoryCommand.time(null)).isEmpty();
    }
}
