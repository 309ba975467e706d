package dev.amldebug.server.lsp;

import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.lsp.Protocol.RunStatusParams;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import dev.amldebug.server.tree.local.LocalTreeProvider;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * What the editor hears of one run, wherever it was started from (a command, F5): live logs in
 * batches, status changes, tree refreshes and $/progress.
 */
final class LspRunEvents implements RunListener {
    private final String runId;
    private final Supplier<AmlLanguageClient> client;
    private final LogBatcher logs;
    private final RunProgress progress;

    private LspRunEvents(RunRecord queued, Supplier<AmlLanguageClient> client, LogBatcher logs,
                         ScheduledExecutorService scheduler) {
        this.runId = queued.id;
        this.client = client;
        this.logs = logs;
        this.progress = new RunProgress(client.get(), scheduler, queued.id);
    }

    /** A watcher for the run service: a listener per run, as it is queued. */
    static Function<RunRecord, RunListener> watcher(Supplier<AmlLanguageClient> client,
                                                                       LogBatcher logs,
                                                                       ScheduledExecutorService scheduler) {
        return queued -> new LspRunEvents(queued, client, logs, scheduler);
    }

    @Override
    public void controlLine(String line) {
        logs.lines(runId, RunStore.CONTROL_LOG, List.of(line));
    }

    @Override
    public void driverOutput(String text) {
        logs.text(runId, RunStore.DRIVER_LOG, text);
    }

    @Override
    public void event(RunEvent event) {
        progress.on(event);
    }

    @Override
    public void statusChanged(RunRecord record) {
        if (record.status == RunStatus.Queued) {
            client.get().treeChanged(new TreeChangedParams(LocalTreeProvider.EXPERIMENTS.toString()));
        }
        client.get().runStatus(new RunStatusParams(runId, record.status.name(), record.exitCode,
                record.deployment().health() == null ? null : record.deployment().health().name()));
        client.get().treeChanged(new TreeChangedParams((record.kind == RunKind.deployment ? LocalTreeProvider.DEPLOYMENTS
                : LocalTreeProvider.experiment(record.experiment)).toString()));
        if (record.status.isTerminal()) {
            progress.end();
            logs.flush();
        }
    }
}
