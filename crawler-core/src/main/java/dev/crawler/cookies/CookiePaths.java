package dev.crawler.cookies;

/** Cookie paths (RFC 6265 §5.1.4): the default path of a request, and path matching. */
final class CookiePaths {

    private CookiePaths() {
    }

    /**
     * The path a cookie gets when it names none (or names one that does not start with
     * {@code /}): the request's path up to, not including, its last {@code /}; {@code /} if that
     * leaves nothing.
     */
    static String defaultPath(String requestPath) {
        if (requestPath.isEmpty() || requestPath.charAt(0) != '/') {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    /**
     * Whether a cookie with {@code cookiePath} goes with a request for {@code requestPath}: the
     * paths are equal, or the cookie's path is a prefix of the request's that ends with
     * {@code /} or is followed by {@code /} in it. So {@code /foo} matches {@code /foo} and
     * {@code /foo/bar}, not {@code /foobar}.
     */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (!requestPath.startsWith(cookiePath)) {
            return false;
        }
        return requestPath.length() == cookiePath.length()
                || cookiePath.endsWith("/")
                || requestPath.charAt(cookiePath.length()) == '/';
    }
}
