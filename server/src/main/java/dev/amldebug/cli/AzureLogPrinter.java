package dev.amldebug.cli;

import dev.amldebug.azure.LogSink;
import java.io.PrintWriter;

/** Prints followed Azure ML log text as it comes; with several files, each line prefixed by its rank or file. */
final class AzureLogPrinter {
    private AzureLogPrinter() {
    }

    static LogSink to(PrintWriter out, boolean prefixed) {
        return (source, text) -> {
            if (prefixed) {
                text.lines().forEach(line -> out.println("[" + source + "] " + line));
            } else {
                out.print(text);
            }
            out.flush();
        };
    }
}
