package dev.crawler.cookies;

/**
 * How many cookies a jar keeps, as browsers limit them. Past a limit the jar drops expired
 * cookies first, then the least recently used (RFC 6265 §5.3 step 12).
 *
 * @param perDomain the most cookies stored under one domain (the cookie's domain field)
 * @param total the most cookies in the jar
 */
public record CookieLimits(int perDomain, int total) {

    /** 50 per domain, 3000 in all: about what browsers keep. */
    public static CookieLimits defaults() {
        return new CookieLimits(50, 3000);
    }

    public CookieLimits {
        if (perDomain < 1 || total < 1) {
            throw new IllegalArgumentException(
                    "cookie limits must be at least 1: perDomain " + perDomain + ", total " + total);
        }
        if (perDomain > total) {
            throw new IllegalArgumentException(
                    "cookie limit perDomain (" + perDomain + ") is over the total (" + total + ")");
        }
    }
}
