package dev.amldebug.server.lsp;

import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.docker.LazyDocker;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpoint;
import dev.amldebug.server.lsp.Protocol.DebugAdapterEndpointParams;
import dev.amldebug.server.lsp.Protocol.TreeChildrenParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.run.RunServices;
import dev.amldebug.server.threads.ServerThreads;
import dev.amldebug.server.tree.NodeId;
import dev.amldebug.server.tree.TreeRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server the VS Code extension talks to. initialize only wires the workspace:
 * Docker is opened on first need, and its problems come back as tree nodes or errors. Every
 * request runs on the server's worker pool; failures are mapped once, by {@link LspErrors}.
 */
public final class AmlLanguageServer implements LanguageServer, LanguageClientAware, AzureMlService {
    private boolean closed;
    private final String baseImage;
    private final Map<String, String> environment;
    private final ServerThreads threads;
    private final Runnable exit;
    private final LogBatcher logs;
    private volatile AmlLanguageClient client;
    private volatile EditorWorkspace workspace;
    private final SpecDocuments documents;

    public AmlLanguageServer(String baseImage, ServerThreads threads, Runnable exit) {
        this(baseImage, threads, exit, System.getenv());
    }

    /** @param environment where Azure ML sign-in and endpoints are read from */
    public AmlLanguageServer(String baseImage, ServerThreads threads, Runnable exit, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.baseImage = baseImage;
        this.threads = threads;
        this.exit = exit;
        this.logs = new LogBatcher(params -> client.runLog(params), threads.scheduler());
        this.documents = new SpecDocuments(() -> client, threads.scheduler());
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = (AmlLanguageClient) languageClient;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        RunServices services = new RunServices(baseImage, new LazyDocker(), ImageUsage.inUserCache(), threads.blocking());
        workspace = new EditorWorkspace(workspaceOf(params), baseImage, services, new AzureAccess(environment), threads,
                () -> client, logs);
        workspace.watch();
        if (params.getProcessId() != null) {
            ParentWatch.exitWhenGone(params.getProcessId(), this::exit);
        }
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        capabilities.setCompletionProvider(new CompletionOptions());
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(new ArrayList<>(workspace.commands().ids())));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("aml-debug")));
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
        return async(cancel -> {
            if (params == null || params.nodeId() == null) {
                return TreeNodes.wire(workspace().tree().roots());
            }
            NodeId id = NodeId.parse(params.nodeId());
            return TreeNodes.wire(id, workspace().tree().children(id, new TreeRequest(params.page(), cancel::isCanceled)));
        });
    }

    @Override
    public CompletableFuture<DebugAdapterEndpoint> debugAdapterEndpoint(DebugAdapterEndpointParams params) {
        return async(cancel -> workspace().debugEndpoint(params == null ? null : params.runId()));
    }

    CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return async(cancel -> workspace().commands().execute(params.getCommand(), params.getArguments()));
    }

    private EditorWorkspace workspace() {
        if (workspace == null) {
            throw AmlDebugException.badInput("The language server is not initialized yet: send initialize first.");
        }
        return workspace;
    }

    /** Off the message thread, on the server's workers; a failure becomes an error response via {@link LspErrors}. */
    private <T> CompletableFuture<T> async(Work<T> work) {
        return CompletableFutures.computeAsync(threads.blocking(), cancel -> {
            try {
                return work.run(cancel);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private interface Work<T> {
        T run(CancelChecker cancel) throws Exception;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        close();
        return CompletableFuture.completedFuture(null);
    }

    /** Without a shutdown first (the editor went away), what the server made is still removed. */
    @Override
    public void exit() {
        close();
        exit.run();
    }

    /**
     * Removes what the server made (endpoints nobody connected to, the store watcher) and hands running runs over:
     * on shutdown, exit, end of input or SIGTERM, whichever comes first; once.
     */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        logs.close();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
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
}
