package dev.crawler.parse;

/**
 * The elements link extraction reads: {@code a} and {@code area} (links), {@code base} (what
 * relative links resolve against) and {@code meta} (robots directives).
 */
final class LinkTags {

    private LinkTags() {
    }

    /** Whether the attributes of a start tag of this (normal) name are worth recording. */
    static boolean readsAttributes(String name) {
        return switch (name) {
            case "a", "area", "base", "meta" -> true;
            default -> false;
        };
    }
}
