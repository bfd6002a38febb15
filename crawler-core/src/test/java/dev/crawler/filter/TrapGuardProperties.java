package dev.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The trap guard's fast path for short paths gives exactly the verdict of the general check. */
class TrapGuardProperties {

    /** Paths with few distinct segments, so that repeats are common, empty segments included. */
    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", "ab", "", "a.b", "%2F").list().ofMaxSize(17)
                .map(segments -> "/" + String.join("/", segments));
    }

    @Property(tries = 5000)
    void shortPathsGetTheVerdictOfTheGeneralCheck(@ForAll("paths") String path) {
        for (TrapPolicy policy : new TrapPolicy[] {new TrapPolicy(2048, 4, 2, -1, -1, -1),
                new TrapPolicy(2048, -1, 1, -1, -1, -1), new TrapPolicy(2048, 8, -1, -1, -1, -1), TrapPolicy.none()}) {
            TrapGuard guard = new TrapGuard(policy);
            assertThat(guard.checkShortPath(path)).as("%s under %s", path, policy).isEqualTo(guard.checkLongPath(path));
        }
    }
}
