package dev.amldebug.cli;

import picocli.CommandLine.Option;

/** --[no-]stop-all, wherever the console debugs the ranks of a distributed run through the debug hub. */
final class StopAllOption {
    @Option(names = "--stop-all", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "A distributed run: when one rank stops, pause every other rank, and continue them all"
                    + " together (stop-the-world; on by default, --no-stop-all for each rank on its own).")
    boolean stopAll;
}
