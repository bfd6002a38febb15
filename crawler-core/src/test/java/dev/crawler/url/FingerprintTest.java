package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    /** The key of the SipHash paper's test vectors: bytes 00 to 0f. */
    private static final byte[] VECTOR_KEY = counting(16);

    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /**
     * The SipHash-2-4 reference vectors (key 00..0f, message 00..n-1), as the reference
     * implementation's 8 output bytes read little-endian; OpenSSL's SIPHASH MAC gives the same
     * bytes. Lengths on both sides of the 8-byte word, and a 63-byte one for a long tail.
     */
    @Test
    void keyedIsSipHash24() {
        Fingerprint.SipHash sip = (Fingerprint.SipHash) Fingerprint.keyed(VECTOR_KEY);
        assertThat(sip.hash(counting(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(sip.hash(counting(1))).isEqualTo(0x74f839c593dc67fdL);
        assertThat(sip.hash(counting(8))).isEqualTo(0x93f5f5799a932462L);
        assertThat(sip.hash(counting(15))).isEqualTo(0xa129ca6149be45e5L);
        assertThat(sip.hash(counting(63))).isEqualTo(0x958a324ceb064572L);
    }

    @Test
    void aUrlIsHashedAsItsUtf8Bytes() {
        Fingerprint.SipHash sip = (Fingerprint.SipHash) Fingerprint.keyed(VECTOR_KEY);
        String url = "http://example.com/caf\u00e9?q=\u00fc";
        assertThat(sip.of(url)).isEqualTo(sip.hash(url.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSameKeyGivesTheSameFingerprintAndAnotherKeyAnother() {
        byte[] key = Fingerprint.newKey();
        String url = "http://example.com/";
        assertThat(Fingerprint.keyed(key).of(url)).isEqualTo(Fingerprint.keyed(key.clone()).of(url));
        assertThat(Fingerprint.ephemeral().of(url)).isNotEqualTo(Fingerprint.keyed(key).of(url));
        assertThat(Fingerprint.newKey()).hasSize(Fingerprint.KEY_BYTES).isNotEqualTo(key);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Fingerprint.keyed(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes, not 15");
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(Fingerprint.keyed(VECTOR_KEY).toString()).doesNotContain("506070").contains("keyed");
    }

    @Test
    void sha256IsTheFirstEightBytesOfTheDigest() throws Exception {
        assertThat(Fingerprint.sha256().of("http://example.com/"))
                .isEqualTo(ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                        .digest("http://example.com/".getBytes(StandardCharsets.UTF_8))).getLong());
    }

    @Test
    void distinctUrlsGetDistinctFingerprints() {
        for (Fingerprint f : new Fingerprint[] {Fingerprint.ephemeral(), Fingerprint.sha256()}) {
            Set<Long> seen = new HashSet<>();
            for (int host = 0; host < 100; host++) {
                for (int page = 0; page < 1000; page++) {
                    assertThat(seen.add(f.of("http://site-" + host + ".sim/page/" + page))).as("%s", f).isTrue();
                }
            }
        }
    }
}
