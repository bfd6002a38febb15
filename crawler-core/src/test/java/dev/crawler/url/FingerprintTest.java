package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTheFirstEightBytesOfSha256() throws Exception {
        assertThat(Fingerprint.of("http://example.com/"))
                .isEqualTo(Fingerprint.of("http://example.com/"))
                .isEqualTo(java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("http://example.com/".getBytes(java.nio.charset.StandardCharsets.UTF_8))).getLong());
    }

    @Test
    void distinctUrlsGetDistinctFingerprints() {
        Set<Long> seen = new HashSet<>();
        for (int host = 0; host < 100; host++) {
            for (int page = 0; page < 1000; page++) {
                assertThat(seen.add(Fingerprint.of("http://site-" + host + ".sim/page/" + page))).isTrue();
            }
        }
    }
}
