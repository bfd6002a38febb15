package dev.crawler.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crawler as users start it: through the launcher {@code src/dist/crawler}, which adds the
 * default heap and GC options and the start-up cache. The launcher names itself in the system
 * property {@value #PROPERTY} of the JVM it starts, so that a bench started by it measures crawls
 * started the same way. A bench run from the class path (the tests) has no launcher, and starts
 * its crawlers with {@code java} directly.
 */
final class Launcher {

    static final String PROPERTY = "crawler.launcher";
    /** The launcher's switch for the start-up cache. */
    static final String AOT_ENV = "CRAWLER_AOT";

    private Launcher() {
    }

    /** The launcher that started this JVM, if one did and it is still there. */
    static Optional<Path> path() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() || !Files.isExecutable(Path.of(p)) ? Optional.empty() : Optional.of(Path.of(p));
    }

    /**
     * The environment the launched crawler gets on top of this one: {@code JAVA_OPTS} with the
     * heap limit (if any) and the extra JVM options after the user's own, and the cache switched
     * off when asked.
     *
     * @param userJavaOpts this process's {@code JAVA_OPTS}, or null
     */
    static Map<String, String> env(String userJavaOpts, long heapBytes, List<String> jvmOptions, boolean aot) {
        List<String> opts = new ArrayList<>();
        if (userJavaOpts != null && !userJavaOpts.isBlank()) {
            opts.add(userJavaOpts.trim());
        }
        if (heapBytes > 0) {
            opts.add("-Xmx" + (heapBytes >> 20) + "m");
        }
        opts.addAll(jvmOptions);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS", String.join(" ", opts));
        if (!aot) {
            env.put(AOT_ENV, "off");
        }
        return env;
    }
}
