package dev.crawler.sim;

/**
 * One link as written in a page.
 *
 * @param href the attribute value, exactly as served (relative or absolute, maybe with a fragment)
 * @param rel the {@code rel} attribute, or null when absent
 * @param area true for an {@code <area>} element, false for {@code <a>}
 * @param text the anchor text
 */
record Link(String href, String rel, boolean area, String text) {

    static Link a(String href, String text) {
        return new Link(href, null, false, text);
    }

    /** True when {@code rel} holds the token {@code nofollow}. */
    boolean nofollow() {
        if (rel == null) {
            return false;
        }
        for (String token : rel.trim().split("\\s+")) {
            if (token.equalsIgnoreCase("nofollow")) {
                return true;
            }
        }
        return false;
    }
}
