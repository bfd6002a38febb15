package dev.crawler.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 5123456 kB
            VmSize:\t 5000000 kB
            VmHWM:\t  204800 kB
            VmRSS:\t  180000 kB
            Threads:\t30
            """;

    @Test
    void thePeakRssIsTheHighWaterMarkInBytes() {
        assertThat(ProcStatus.peakRssBytes(STATUS)).hasValue(204_800L * 1024);
    }

    @Test
    void aStatusWithoutItOrInAnotherUnitSaysNothing() {
        assertThat(ProcStatus.peakRssBytes("Name:\tjava\nVmRSS:\t 1 kB\n")).isEmpty();
        assertThat(ProcStatus.peakRssBytes("VmHWM:\t 12 MB\n")).isEmpty();
        assertThat(ProcStatus.peakRssBytes("VmHWM:\t lots kB\n")).isEmpty();
        assertThat(ProcStatus.peakRssBytes("")).isEmpty();
    }

    @Test
    void thisProcessHasOneOnLinuxAndNoneElsewhere() {
        boolean proc = Files.isReadable(Path.of("/proc/self/status"));
        assertThat(ProcStatus.peakRssBytes().isPresent()).isEqualTo(proc);
        if (proc) {
            assertThat(ProcStatus.peakRssBytes().getAsLong()).isGreaterThan(Runtime.getRuntime().totalMemory() / 100);
        }
    }
}
