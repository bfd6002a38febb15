package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The digests written to the index and to WARC are the same whichever library computes them: NSS's
 * agree with the JDK's at every length around the switch-over and around block boundaries.
 */
class DigestTest {

    private static final int[] LENGTHS = {0, 1, 55, 56, 63, 64, 65, 127, 128, 255, 256, 257, 1000, 4096, 30_001, 500_000};

    @Test
    void sha256AndSha1AgreeWithTheJdkAtEveryLength() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int length : LENGTHS) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Digest.SHA_256.forLength(length).digest(bytes))
                    .as("SHA-256 of %d bytes", length).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(Digest.SHA_1.forLength(length).digest(bytes))
                    .as("SHA-1 of %d bytes", length).isEqualTo(MessageDigest.getInstance("SHA-1").digest(bytes));
        }
    }

    @Test
    void whereLibnss3IsInstalledLargeInputsAreHashedByNss() {
        // test-deps installs libnss3; without it the JDK's digests are used, which the test above covers
        assumeThat(Path.of("/usr/lib/x86_64-linux-gnu/libsoftokn3.so")).isRegularFile();
        assertThat(NssProvider.get()).as("NSS loaded through SunPKCS11").isPresent();
        assertThat(Digest.SHA_256.forLength(Digest.NATIVE_FROM_BYTES).getProvider().getName()).contains("NSS");
        assertThat(Digest.SHA_256.forLength(Digest.NATIVE_FROM_BYTES - 1).getProvider().getName()).isEqualTo("SUN");
    }
}
