package dev.crawler.cli;

import dev.crawler.cli.progress.ProgressMode;
import picocli.CommandLine.Option;

/** {@code --progress}: how a running crawl shows how far it got. */
final class ProgressOptions {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "How progress is shown: auto (a live line on a terminal, a log line every 10 s"
                    + " otherwise or when CI is set), line, log, none. Default: ${DEFAULT-VALUE}")
    ProgressMode mode = ProgressMode.AUTO;
}
