package dev.crawler.bench.run;

/**
 * One target of the issue, with what was measured against it.
 *
 * @param target what the issue asks, such as {@code async finishes in <= 1.15 x latency}
 * @param measured the figures, such as {@code 1.03 s <= 1.08 s}
 * @param met whether it was met; null when it could not be measured in this bench
 */
public record TargetResult(String target, String measured, Boolean met) {

    public String verdict() {
        return met == null ? "not measured" : met ? "met" : "MISSED";
    }
}
