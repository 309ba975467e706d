package dev.amldebug.server.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** Joins an {@link AmlLanguageServer} to a client over two streams; the single place for tracing and error mapping. */
public final class LanguageServerLauncher {
    private LanguageServerLauncher() {
    }

    /** @param trace where to write every message, or null */
    public static Future<Void> start(AmlLanguageServer server, InputStream in, OutputStream out, PrintWriter trace,
                                     ExecutorService executor) {
        Launcher<AmlLanguageClient> launcher = new Launcher.Builder<AmlLanguageClient>()
                .setLocalService(server)
                .setExecutorService(executor)
                .setExceptionHandler(LspErrors::toResponseError)
                .setRemoteInterface(AmlLanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .traceMessages(trace)
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
