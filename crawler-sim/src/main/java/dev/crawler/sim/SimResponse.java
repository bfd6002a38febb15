package dev.crawler.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulated web answers to one request, before wire framing: the status, the headers that
 * carry meaning ({@code Content-Type}, {@code Location}, {@code Allow}) and the decoded body. The
 * server adds {@code Content-Length} or {@code Transfer-Encoding: chunked}, and
 * {@code Content-Encoding: gzip} when it compresses; the body here is always the uncompressed one,
 * which is what a crawler must end up with.
 *
 * @param status HTTP status code
 * @param headers header names to values, in order
 * @param body decoded body bytes (the array is not copied; do not modify it)
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public SimResponse {
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The body decoded as UTF-8 (every text the simulated web serves is UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimResponse r && r.status == status && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "SimResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
