package dev.amldebug.server.lsp;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.runner.docker.DockerConnection;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.run.RunNotFoundException;
import dev.amldebug.runner.spec.SpecException;
import dev.amldebug.server.DapTargets;
import dev.amldebug.server.RunTargets;
import dev.amldebug.server.commands.CommandRegistry;
import dev.amldebug.server.commands.StandardCommands;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.lsp.Protocol.TreeChildrenParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.tree.LocalWorkspaceProvider;
import dev.amldebug.runner.run.Reconciler;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server the VS Code extension talks to. initialize only records the workspace:
 * Docker is opened on first need, and its problems come back as tree nodes or errors.
 */
public final class AmlLanguageServer implements LanguageServer, LanguageClientAware, AzureMlService {
    private final String baseImage;
    private final Runnable exit;
    private final LogBatcher logs = new LogBatcher(params -> client().runLog(params));
    private volatile AmlLanguageClient client;
    private volatile Path workspace = Path.of("").toAbsolutePath();
    private volatile LocalWorkspaceProvider tree;
    private volatile CommandRegistry commands;
    private DockerClient docker;
    private RunStoreWatcher watcher;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AmlLanguageServer.class);

    public AmlLanguageServer(String baseImage, Runnable exit) {
        this.baseImage = baseImage;
        this.exit = exit;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = (AmlLanguageClient) languageClient;
    }

    AmlLanguageClient client() {
        return client;
    }

    private synchronized DockerClient docker() {
        if (docker == null) {
            docker = DockerConnection.open();
        }
        return docker;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        workspace = workspaceOf(params);
        tree = new LocalWorkspaceProvider(workspace, baseImage, this::docker);
        RunSessions runs = new RunSessions(workspace, baseImage, this::docker, this::client, logs);
        commands = StandardCommands.create(workspace, baseImage, tree.experiments(), runs, this::docker, this::client);
        watchRunStore();
        reconcileInBackground();
        if (params.getProcessId() != null) {
            ParentWatch.exitWhenGone(params.getProcessId(), exit);
        }
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(new ArrayList<>(commands.ids())));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("aml-debug")));
    }

    /** Runs left by a server or CLI that died get their status, off the initialize path; no Docker, no harm. */
    private void reconcileInBackground() {
        if (tree.store().list().stream().noneMatch(RunRecord::isActive)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                new Reconciler(tree.store(), new RunContainers(docker())).reconcile()
                        .forEach(note -> client().logMessage(new MessageParams(MessageType.Info, note)));
            } catch (DockerUnavailableException e) {
                LOG.debug("Runs not reconciled: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void watchRunStore() {
        try {
            watcher = new RunStoreWatcher(tree.store(), change -> client().treeChanged(change));
        } catch (java.io.IOException e) {
            LOG.warn("Changes made outside the editor will not refresh the tree: {}", e.getMessage());
        }
    }

    private static Path workspaceOf(InitializeParams params) {
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            return Path.of(URI.create(params.getWorkspaceFolders().get(0).getUri()));
        }
        if (params.getRootUri() != null) {
            return Path.of(URI.create(params.getRootUri()));
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public CompletableFuture<List<TreeNode>> treeChildren(TreeChildrenParams params) {
        return async(() -> tree.children(params == null ? null : params.nodeId()));
    }

    @Override
    public CompletableFuture<DebugAdapterEndpoint> debugAdapterEndpoint(DebugAdapterEndpointParams params) {
        return async(() -> {
            String runId = params == null ? null : params.runId();
            if (runId != null) {
                tree.store().read(runId);
            }
            return DebugEndpoints.open(() -> runId != null
                    ? new DapBridge(new RunTargets(docker(), tree.store()).forRun(runId, true), DapTrace.NONE)
                    : new DapBridge(new DapTargets(this::docker, workspace, baseImage, RunListener.NONE), DapTrace.NONE));
        });
    }

    CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return async(() -> commands.execute(params.getCommand(), params.getArguments()));
    }

    /** Runs off the message thread; known failures become JSON-RPC errors with the sentence for the user. */
    private static <T> CompletableFuture<T> async(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (IllegalArgumentException | SpecException | RunNotFoundException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, e.getMessage(), null));
            } catch (DockerUnavailableException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, e.getMessage(), null));
            } catch (Exception e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        String.valueOf(e.getMessage()), null));
            }
        });
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        logs.close();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (java.io.IOException e) {
                LOG.debug("Closing the run store watcher", e);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return new NoTextDocuments();
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
                return AmlLanguageServer.this.executeCommand(params);
            }

            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            }
        };
    }

    /** The server edits no documents; the client may still send their lifecycle. */
    private static final class NoTextDocuments implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
        }
    }
}
