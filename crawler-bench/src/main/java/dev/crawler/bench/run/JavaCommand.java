package dev.crawler.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM of the bench: this JVM's {@code java} and class path
 * ({@code crawler-bench.jar}, or the test class path), the options the crawler's jar manifest
 * gives (the {@code sun.nio.ch} export for the nio-poll transport, native access for epoll and
 * io_uring), a heap limit, and the main class with its arguments.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * @param heapBytes {@code -Xmx}; 0 or less leaves the JVM's default, as the {@code crawler} launcher does
     * @param properties {@code -Dname=value} entries
     * @param mainClass the class to run
     * @param args its arguments
     * @param jvmOptions further JVM options, placed before the main class
     */
    static List<String> of(long heapBytes, List<String> properties, String mainClass, List<String> args,
            List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heapBytes > 0) {
            cmd.add("-Xmx" + (heapBytes >> 20) + "m");
        }
        cmd.add("--add-exports");
        cmd.add("java.base/sun.nio.ch=ALL-UNNAMED");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow"); // Netty still uses it; JDK 24+ warns otherwise
        }
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            cmd.add("-Dlogback.configurationFile=" + logback);
        }
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
