package dev.crawler.bench.run;

import dev.crawler.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code crawler bench ARGS} in this JVM, with standard output and error captured together,
 * in the order printed, as {@link #out()}.
 */
record BenchRun(int exitCode, String out) {

    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = BenchMain.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return new BenchRun(cmd.execute(all), out.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out and err ---\n" + out;
    }
}
