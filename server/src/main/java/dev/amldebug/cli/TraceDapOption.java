package dev.amldebug.cli;

import dev.amldebug.bridge.DapTrace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --trace-dap FILE, wherever a command speaks DAP: every message, both ways, as JSON lines. */
final class TraceDapOption {
    @Option(names = "--trace-dap", paramLabel = "FILE", description = "Write every DAP message to FILE (JSON lines).")
    Path traceFile;

    DapTrace trace() {
        return traceFile == null ? DapTrace.NONE : DapTrace.toFile(traceFile);
    }
}
