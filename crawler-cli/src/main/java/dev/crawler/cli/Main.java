package dev.crawler.cli;

import dev.crawler.cli.config.ConfigException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code crawler} command: {@code demo}, {@code crawl}, {@code sim}. The benchmarks,
 * {@code bench} and {@code frontier-bench}, are commands of the crawler-bench module
 * ({@code dev.crawler.bench.BenchMain}), which the launcher {@code src/dist/crawler} runs from
 * its own jar; this command's help lists them.
 */
@Command(name = "crawler", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "An asynchronous, polite web crawler: one Netty event loop keeps many requests in flight,"
                    + " while per-host politeness, robots.txt and scope rules decide what is fetched.",
            ""
        },
        footer = {
            "%nBenchmarks, from the crawler-bench module (src/dist/crawler runs its jar):",
            "  bench           the I/O models compared on the simulated web, runs verified",
            "  frontier-bench  the durable frontier and seen set at scale, without network",
            "%nCluster mode, from the crawler-cluster module (src/dist/crawler runs its jar):",
            "  broker          one Apache Kafka node (KRaft) on loopback, to try the mode",
            "%nExamples:",
            "  crawler demo                crawl the built-in simulated web, verify it",
            "  crawler crawl --seeds config/seeds.txt --out crawl-out",
            "  crawler crawl --config config/crawler.yaml https://example.com/",
            "  crawler sim --hosts 20 --write-seeds sim-seeds.txt",
            "  crawler bench --preset all  compare the I/O models on the simulated web",
            "  crawler frontier-bench --urls 10000000 --hosts 100000   frontier and seen set at scale",
            "  crawler help crawl          every crawl option",
            ExitCodes.FOOTER
        })
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose demo, crawl, sim or bench");
    }

    /** The logger of fatal errors' stack traces, which logback.xml sends to crawler.log only. */
    static final String FATAL_LOG = "dev.crawler.cli.Fatal";

    /** The subcommands, in the order the help lists them (then {@code help}). */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand.class);
        commands.put("crawl", CrawlCommand.class);
        commands.put("sim", SimCommand.class);
        return commands;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with its converters and error handling, writing to standard out and err. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that one is
     * built (picocli builds each command's model from its annotations by reflection, which took
     * about a fifth of a second for all of them before a crawl's first request); otherwise all of
     * them, for the help and for suggestions after a typo.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cmd = new CommandLine(new Main());
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cmd.addSubcommand(args[0], named);
        } else {
            COMMANDS.forEach(cmd::addSubcommand);
            cmd.addSubcommand("help", HelpCommand.class);
        }
        return configure(cmd);
    }

    /**
     * Gives {@code cmd} the crawler's parsing rules and error handling: enum values in any case,
     * usage errors as a reason and a pointer to the help, failures mapped to {@link ExitCodes}.
     * The bench's command line ({@code dev.crawler.bench.BenchMain}) is set up the same way.
     */
    public static CommandLine configure(CommandLine cmd) {
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        cmd.setParameterExceptionHandler(Main::usageError);
        cmd.setExecutionExceptionHandler(Main::runtimeError);
        return cmd;
    }

    /** A bad option or value: the reason and a pointer to the help, not the whole help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("crawler: " + e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** An exception from a command: a config problem is a usage error; anything else is fatal. */
    private static int runtimeError(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException) {
            err.println(cmd.getColorScheme().errorText("crawler " + cmd.getCommandName() + ": " + e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        String message = e instanceof UncheckedIOException u ? u.getMessage() : e.toString();
        err.println(cmd.getColorScheme().errorText("crawler " + cmd.getCommandName() + ": fatal: " + message));
        err.println("(the stack trace is in the log file, crawler.log)");
        err.flush();
        // to crawler.log only (logback.xml): the console has the message and the pointer above
        LoggerFactory.getLogger(FATAL_LOG).error("fatal error", e);
        return ExitCodes.FAILED;
    }
}
