package dev.crawler.cluster;

import dev.crawler.cli.ExitCodes;
import dev.crawler.cli.Main;
import dev.crawler.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The commands of the cluster mode, run by {@code src/dist/crawler} from this module's jar, with
 * Kafka inside: {@code crawler broker}.
 */
@Command(name = "crawler", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {BrokerCommand.class, HelpCommand.class},
        description = {"The crawler's cluster mode, on Apache Kafka.", ""},
        footer = ExitCodes.FOOTER)
public final class ClusterMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose broker");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with the crawler's parsing rules and error handling. */
    public static CommandLine commandLine() {
        return Main.configure(new CommandLine(new ClusterMain()));
    }
}
