package dev.crawler.bench;

import dev.crawler.bench.frontier.FrontierBenchCommand;
import dev.crawler.bench.run.BenchCommand;
import dev.crawler.cli.Main;
import dev.crawler.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code crawler-bench.jar}: the benchmarks {@code bench} and
 * {@code frontier-bench}, which the launcher {@code src/dist/crawler} runs from this jar rather
 * than from {@code crawler.jar}, so that the libraries only they use (JFreeChart) stay out of the
 * crawler. The command is named {@code crawler} and set up as {@link Main} is, so that
 * {@code crawler bench --help}, its errors and its exit codes read as they did when the bench was
 * a command of {@code crawler.jar}.
 */
@Command(name = "crawler", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {BenchCommand.class, FrontierBenchCommand.class, HelpCommand.class},
        description = {
            "The crawler's benchmarks (the crawler-bench module). The other commands (demo, crawl, sim)"
                    + " are in crawler.jar; src/dist/crawler runs either jar by command.",
            ""
        })
public final class BenchMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose bench or frontier-bench");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the crawler's converters and error handling, writing to standard out and err. */
    public static CommandLine commandLine() {
        return Main.configure(new CommandLine(new BenchMain()));
    }
}
