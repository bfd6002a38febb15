package dev.crawler.bench.run;

import dev.crawler.CrawlConfig;
import dev.crawler.sim.SimWeb;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the simulated web with wrk (Debian package {@code wrk}), the reference for what the
 * server can answer on this machine: the same URLs a correct crawl fetches, in the same order,
 * with the crawler's own request headers (so gzip costs the server the same), over as many
 * keep-alive connections as the crawler may use. Optional: where wrk is not installed the result
 * says so and the bench goes on.
 */
final class WrkProbe {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");

    private WrkProbe() {
    }

    /** The wrk executable on the PATH, if there is one. */
    static Optional<Path> find() {
        return onPath("wrk");
    }

    /** The executable {@code name} on the PATH, if there is one. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs wrk against {@code sim} for {@code duration}, cycling through {@code urls}.
     *
     * @param workDir where the script and wrk's output are written
     */
    static WrkResult run(Path wrk, SimProcess sim, SimWeb web, List<String> urls, int connections, int threads,
            Duration duration, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path targets = workDir.resolve("wrk-targets.txt");
            Files.write(targets, targetLines(urls), StandardCharsets.UTF_8);
            Path script = workDir.resolve("wrk-requests.lua");
            Files.writeString(script, script(targets), StandardCharsets.UTF_8);
            String address = web.resolveMap().values().iterator().next();
            List<String> cmd = List.of(wrk.toString(), "-t" + threads, "-c" + connections,
                    "-d" + duration.toSeconds() + "s", "-s", script.toString(),
                    "http://" + address + ":" + sim.port() + "/");
            Path out = workDir.resolve("wrk.out");
            double cpu0 = sim.cpuSeconds();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return WrkResult.skipped("wrk did not finish; killed");
            }
            double simCpu = sim.cpuSeconds() - cpu0;
            return parse(Files.readString(out), connections, threads, simCpu, String.join(" ", cmd));
        } catch (IOException e) {
            return WrkResult.skipped("wrk could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WrkResult.skipped("interrupted");
        }
    }

    /** One {@code Host path} line per URL. */
    static List<String> targetLines(List<String> urls) {
        List<String> lines = new ArrayList<>(urls.size());
        for (String url : urls) {
            URI u = URI.create(url);
            String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            lines.add(u.getRawAuthority() + " " + path);
        }
        return lines;
    }

    /** A wrk script that sends the crawler's request head for each target in turn. */
    static String script(Path targets) {
        return """
                -- written by crawler bench: the crawler's request head, cycling through a crawl's URLs
                local targets = {}
                for line in io.lines("%s") do
                  local host, path = line:match("^(%%S+) (%%S+)$")
                  targets[#targets + 1] = { host, path }
                end
                local i = 0
                request = function()
                  i = i %% #targets + 1
                  local t = targets[i]
                  return wrk.format("GET", t[2], {
                    ["Host"] = t[1],
                    ["User-Agent"] = "%s",
                    ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                    ["Accept-Encoding"] = "gzip, deflate",
                    ["Connection"] = "keep-alive"
                  })
                end
                """.formatted(targets.toAbsolutePath(), CrawlConfig.DEFAULT_USER_AGENT);
    }

    static WrkResult parse(String output, int connections, int threads, double simCpu, String command) {
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            return WrkResult.skipped("wrk printed no rate: " + output.strip().lines().findFirst().orElse(""));
        }
        double seconds = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
            case "ms" -> 0.001;
            case "m" -> 60;
            default -> 1;
        };
        return new WrkResult(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), seconds,
                connections, threads, simCpu, command);
    }
}
