package dev.amldebug.server.lsp;

import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.server.lsp.Protocol.TreeChildrenParams;
import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.testing.FakeAzure;
import dev.amldebug.server.threads.ServerThreads;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** The server in this process, a test client over loopback sockets, both speaking real LSP JSON-RPC. */
final class LspSession implements AutoCloseable {
    /** The server as the client sees it: LSP plus our azureml/ requests. */
    interface Remote extends org.eclipse.lsp4j.services.LanguageServer, AzureMlService {
    }

    final TestLanguageClient client = new TestLanguageClient();
    final Remote server;
    final AtomicBoolean exited = new AtomicBoolean();
    private final LoopbackPair pair;
    private final ServerThreads threads = new ServerThreads();

    LspSession() throws Exception {
        this(System.getenv());
    }

    /** @param environment the server's Azure ML settings come from here */
    LspSession(Map<String, String> environment) throws Exception {
        this(environment, null);
    }

    /** @param trace where the server writes its LSP trace (as --trace-lsp), or null */
    LspSession(Map<String, String> environment, java.io.PrintWriter trace) throws Exception {
        pair = LoopbackPair.open();
        AmlLanguageServer implementation = new AmlLanguageServer("aml-debug/python:bookworm", threads,
                () -> exited.set(true), environment);
        LanguageServerLauncher.start(implementation, pair.right().getInputStream(), pair.right().getOutputStream(), trace,
                threads.blocking());
        Launcher<Remote> launcher = new Launcher.Builder<Remote>().setLocalService(client).setRemoteInterface(Remote.class)
                .setInput(pair.left().getInputStream()).setOutput(pair.left().getOutputStream()).create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A session on {@code workspace}, signed in to the fake Azure ML service through the stand-in az. */
    static LspSession signedInTo(dev.amldebug.azurefake.FakeAzureMl fake, Path workspace) throws Exception {
        FakeAzure.signIn(fake);
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.putAll(FakeAzure.environment(fake, workspace.resolve("home")));
        LspSession session = new LspSession(environment);
        session.initialize(workspace);
        return session;
    }

    InitializeResult initialize(Path workspace) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
        return server.initialize(params).get(30, TimeUnit.SECONDS);
    }

    List<TreeNode> children(String nodeId) throws Exception {
        return server.treeChildren(new TreeChildrenParams(nodeId)).get(30, TimeUnit.SECONDS);
    }

    CompletableFuture<Object> command(String id, Map<String, Object> arguments) {
        return server.getWorkspaceService().executeCommand(new ExecuteCommandParams(id, List.of(arguments)));
    }

    /** A command's result, a JSON object, within {@code wait}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> commandResult(String id, Map<String, Object> arguments, java.time.Duration wait) throws Exception {
        return (Map<String, Object>) command(id, arguments).get(wait.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        pair.close();
        threads.close();
    }
}
