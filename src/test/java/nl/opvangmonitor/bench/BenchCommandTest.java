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

    @Test
    void peakHeapBeforeCollectionMb_whenTheLogHasPausesOfEveryKind_thenTheLargestHeapBeforeAny() {
        List<String> gcLog = List.of(
                "[0.004s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 2.345ms",
                "[1.204s][info][gc] GC(7) Pause Young (Concurrent Start) (G1 Humongous Allocation) 117M->61M(256M) 3.001ms",
                "[1.310s][info][gc] GC(8) Pause Remark 70M->70M(256M) 0.812ms",
                "[1.400s][info][gc] GC(8) Concurrent Mark Cycle 95.123ms");

        assertThat(BenchCommand.peakHeapBeforeCollectionMb(gcLog)).isEqualTo(117);
        assertThat(BenchCommand.peakHeapBeforeCollectionMb(List.of("[0.004s][info][gc] Using G1"))).isZero();
    }

    private static LocalDateTime[] interval(double from, double to) {
        return new LocalDateTime[] {T0.plusNanos((long) (from * 1e9)), T0.plusNanos((long) (to * 1e9))};
    }
}
