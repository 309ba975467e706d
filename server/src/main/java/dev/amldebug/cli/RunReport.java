package dev.amldebug.cli;

import dev.amldebug.cli.output.StatusStyle;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.io.PrintWriter;
import java.time.Duration;

/** What the console says of a foreground run: where its debugger listens, and how it ended and where its files are. */
final class RunReport {
    private RunReport() {
    }

    static void debugEndpoint(RunRecord record, PrintWriter err) {
        err.println("debugpy: " + record.debugEndpoint + " (code " + record.codeDir + " is /aml/code in the container)");
        err.println("attach:  aml-debug attach " + record.id + "   or any DAP client: host/port " + record.debugEndpoint
                + ", pathMappings " + record.codeDir + " -> /aml/code");
        err.flush();
    }

    /** @param colour paint the status (stderr is a colour terminal) */
    static void ended(RunRecord ended, RunStore store, PrintWriter err, boolean colour) {
        Duration took = Duration.between(ended.startedAt, ended.endedAt);
        err.printf("run %s %s (exit code %s) in %.1f s%n", ended.id, StatusStyle.paint(ended.status.name(), colour),
                ended.exitCode,
                took.toMillis() / 1000.0);
        if (ended.status == RunStatus.Failed && ended.error != null) {
            err.println("failed:  " + ended.error);
        }
        err.println("logs:    " + store.dir(ended.id).resolve("logs"));
        if (ended.distributed().ranks() != null) {
            err.println("ranks:   aml-debug runs logs " + ended.id + " --rank N   (or --all); files in "
                    + store.userLogs(ended.id));
        }
        err.println("outputs: " + store.outputs(ended.id));
        err.flush();
    }

    /** 0 when it completed; else the script's exit code, or 1 when it has none (or 0: it failed outside the script). */
    static int exitCode(RunRecord ended) {
        if (ended.status == RunStatus.Completed) {
            return 0;
        }
        return ended.exitCode == null || ended.exitCode == 0 ? 1 : ended.exitCode;
    }
}
