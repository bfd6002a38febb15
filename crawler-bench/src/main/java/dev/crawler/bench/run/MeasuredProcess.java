package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end and measures it from outside, the same way whatever the program (a
 * crawler JVM, wget2): wall time from just before it starts to its exit, user and system CPU time,
 * and peak resident memory. With GNU time ({@value #GNU_TIME}) these come from the kernel's
 * rusage of the child, exact; without it the child's {@code /proc/PID/stat} and {@code VmHWM} are
 * sampled every {@value #SAMPLE_MILLIS} ms while it runs, which misses its last moments. A command
 * still running at its limit is stopped, and measured up to then.
 */
final class MeasuredProcess {

    static final String GNU_TIME = "/usr/bin/time";
    private static final long SAMPLE_MILLIS = 20;
    /** How long a command asked to end at its limit may take to end before it is killed. */
    private static final long STOP_GRACE_SECONDS = 10;
    /** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    /**
     * What a run cost.
     *
     * @param startEpochMillis wall-clock time just before the process started
     * @param wallSeconds from then to its exit
     * @param userSeconds user CPU time
     * @param sysSeconds system CPU time
     * @param peakRssBytes peak resident set size (-1 if unknown)
     * @param exitCode the process's exit code (-1 if it was stopped at the limit)
     * @param how {@code rusage} (GNU time), {@code sampled} (/proc), or {@code killed} (GNU time could not
     *     report: no CPU time nor memory)
     */
    record Usage(long startEpochMillis, double wallSeconds, double userSeconds, double sysSeconds, long peakRssBytes,
            int exitCode, String how) {

        double cpuSeconds() {
            return userSeconds + sysSeconds;
        }

        boolean timedOut() {
            return exitCode == -1;
        }
    }

    private MeasuredProcess() {
    }

    /**
     * Runs {@code command} with its output and error into {@code console}, killing it (and what it
     * started) after {@code limit}.
     */
    static Usage run(List<String> command, Path console, Duration limit) throws IOException, InterruptedException {
        return run(command, Map.of(), console, limit);
    }

    /** As {@link #run(List, Path, Duration)}, with {@code env} added to this process's environment. */
    static Usage run(List<String> command, Map<String, String> env, Path console, Duration limit)
            throws IOException, InterruptedException {
        return run(command, env, console, limit, Files.isExecutable(Path.of(GNU_TIME)));
    }

    /** As {@link #run(List, Path, Duration)}, measured by GNU time if {@code gnuTime}, else by sampling /proc. */
    static Usage run(List<String> command, Path console, Duration limit, boolean gnuTime)
            throws IOException, InterruptedException {
        return run(command, Map.of(), console, limit, gnuTime);
    }

    private static Usage run(List<String> command, Map<String, String> env, Path console, Duration limit,
            boolean gnuTime) throws IOException, InterruptedException {
        Path usageFile = console.resolveSibling(console.getFileName() + ".time");
        List<String> cmd = new ArrayList<>();
        if (gnuTime) {
            cmd.addAll(List.of(GNU_TIME, "-o", usageFile.toString(), "-f", "%U %S %M"));
        }
        cmd.addAll(command);
        long startMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        long[] sampled = {0, 0, -1}; // utime ticks, stime ticks, VmHWM bytes
        long deadline = t0 + limit.toNanos();
        while (!p.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!gnuTime) {
                sample(p.pid(), sampled);
            }
            if (System.nanoTime() > deadline) {
                return stop(p, gnuTime, usageFile, startMillis, t0, sampled);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (gnuTime) {
            return rusage(usageFile, startMillis, wall, p.exitValue());
        }
        return new Usage(startMillis, wall, sampled[0] / TICKS, sampled[1] / TICKS, sampled[2], p.exitValue(), "sampled");
    }

    /**
     * Stops a command at its limit: asked to end (SIGTERM) first, so that GNU time, whose child it
     * is, still writes what the command used up to then; killed if it does not end within
     * {@value #STOP_GRACE_SECONDS} s, or where its usage was only sampled. The exit code is -1.
     */
    private static Usage stop(Process p, boolean gnuTime, Path usageFile, long startMillis, long t0, long[] sampled)
            throws IOException, InterruptedException {
        if (gnuTime) {
            p.descendants().forEach(ProcessHandle::destroy);
            if (p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                return rusage(usageFile, startMillis, (System.nanoTime() - t0) / 1e9, -1);
            }
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Usage(startMillis, (System.nanoTime() - t0) / 1e9, sampled[0] / TICKS, sampled[1] / TICKS,
                sampled[2], -1, gnuTime ? "killed" : "sampled");
    }

    private static Usage rusage(Path usageFile, long startMillis, double wall, int exitCode) throws IOException {
        String[] last = lastLine(usageFile).trim().split("\\s+");
        return new Usage(startMillis, wall, Double.parseDouble(last[0]), Double.parseDouble(last[1]),
                Long.parseLong(last[2]) * 1024, exitCode, "rusage");
    }

    /** GNU time writes "Command exited with non-zero status N" first when the command failed. */
    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty: GNU time wrote no usage");
        }
        return lines.getLast();
    }

    /** Reads the CPU ticks and peak RSS of {@code pid} into {@code into}, keeping the last values it could read. */
    static void sample(long pid, long[] into) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after "pid (comm) "
            into[0] = Long.parseLong(f[11]); // field 14, utime
            into[1] = Long.parseLong(f[12]); // field 15, stime
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    into[2] = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended: keep the last sample
        }
    }
}
