package nl.opvangmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 23, 22, 0);

    @Test
    void wallSeconds_whenFilesOverlapNestAndLeaveGaps_thenCountsEachSecondOnce() {
        // two files side by side (0-4 s and 2-6 s), one inside them (3-5 s), a gap, then one alone (10-11.5 s)
        List<LocalDateTime[]> intervals = List.of(interval(10, 11.5), interval(2, 6), interval(0, 4), interval(3, 5));

        assertThat(BenchCommand.wallSeconds(intervals)).isCloseTo(6 + 1.5, within(1e-9));
        assertThat(BenchCommand.wallSeconds(List.of())).isZero();
    }

    private static LocalDateTime[] interval(double from, double to) {
        return new LocalDateTime[] {T0.plusNanos((long) (from * 1e9)), T0.plusNanos((long) (to * 1e9))};
    }
}
