package dev.amldebug.server.lsp;

import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.commands.StandardCommands.AzureWiring;
import dev.amldebug.server.tree.azure.AzureTreeProvider;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.server.commands.CommandRegistry;
import dev.amldebug.server.commands.StandardCommands;
import dev.amldebug.server.debug.DapTargets;
import dev.amldebug.server.debug.RemoteTargets;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.run.RunService;
import dev.amldebug.server.run.RunServices;
import dev.amldebug.server.threads.ServerThreads;
import dev.amldebug.server.tree.WorkspaceTree;
import dev.amldebug.server.tree.local.Experiments;
import dev.amldebug.server.tree.local.LocalTreeProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace the editor opened, wired together: its run service (whose runs the editor
 * hears of), the tree, the commands, the debug endpoints and the run store watcher.
 */
final class EditorWorkspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EditorWorkspace.class);

    private final RunServices services;
    private final RunService runs;
    private final ServerThreads threads;
    private final Supplier<AmlLanguageClient> client;
    private final WorkspaceTree tree;
    private final CommandRegistry commands;
    private final DebugEndpoints endpoints;
    private final RemoteTargets remoteTargets = new RemoteTargets();
    private RunStoreWatcher watcher;

    EditorWorkspace(Path workspace, String baseImage, RunServices services, AzureAccess azure, ServerThreads threads,
                    Supplier<AmlLanguageClient> client, LogBatcher logs) {
        this.services = services;
        this.threads = threads;
        this.client = client;
        this.runs = services.forWorkspace(workspace);
        runs.addWatcher(LspRunEvents.watcher(client, logs, threads.scheduler()));
        Experiments experiments = new Experiments(runs.store());
        AzureTreeProvider azureTree = new AzureTreeProvider(azure);
        this.tree = new WorkspaceTree(List.of(new LocalTreeProvider(runs.store(), experiments, baseImage,
                services.docker()), azureTree));
        this.commands = StandardCommands.create(runs, experiments, baseImage, services.docker(),
                new LspEditorClient(client), new AzureWiring(azure, threads.blocking(), azureTree::signInChanged,
                        remoteTargets));
        this.endpoints = new DebugEndpoints(threads.blocking());
    }

    WorkspaceTree tree() {
        return tree;
    }

    CommandRegistry commands() {
        return commands;
    }

    /**
     * A fresh endpoint for one debug session: attach to a run (or to a debugpy the server found on a compute node, by
     * the id it gave it), or launch/attach as the client asks.
     */
    DebugAdapterEndpoint debugEndpoint(String runId) {
        var remote = remoteTargets.get(runId);
        if (remote.isPresent()) {
            return endpoints.open(() -> new DapBridge(remote.get(), DapTrace.NONE, threads.blocking()));
        }
        if (runId != null) {
            runs.store().read(runId);
        }
        return endpoints.open(() -> runId != null
                ? new DapBridge(runs.debugTarget(runId, true), DapTrace.NONE, threads.blocking())
                : new DapBridge(new DapTargets(services, runs.workspace(), RunListener.NONE), DapTrace.NONE,
                        threads.blocking()));
    }

    /** Changes made outside the editor (the CLI) refresh the tree, and runs left by a dead process get their status. */
    void watch() {
        try {
            watcher = new RunStoreWatcher(runs.store(), change -> client.get().treeChanged(change), threads.blocking());
        } catch (IOException e) {
            LOG.warn("Changes made outside the editor will not refresh the tree: {}", e.getMessage());
        }
        threads.blocking().execute(this::reconcile);
    }

    private void reconcile() {
        try {
            runs.reconcile().forEach(note -> client.get().logMessage(new MessageParams(MessageType.Info, note)));
        } catch (DockerUnavailableException e) {
            LOG.debug("Runs not reconciled: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The editor went away: runs still going are handed to background followers, endpoints removed. */
    @Override
    public void close() {
        runs.handOver();
        endpoints.close();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("Closing the run store watcher", e);
            }
        }
    }
}
