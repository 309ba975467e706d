package dev.amldebug.server.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * Joins an {@link AmlLanguageServer} to a client over two streams: the single place for tracing,
 * error mapping ({@link LspErrors}) and the bounded reader ({@link BoundedMessageProducer}).
 */
public final class LanguageServerLauncher {
    private LanguageServerLauncher() {
    }

    /** @param trace where to write every message (tokens redacted), or null */
    public static Future<Void> start(AmlLanguageServer server, InputStream in, OutputStream out, PrintWriter trace,
                                     ExecutorService executor) {
        Launcher<AmlLanguageClient> launcher = new BoundedBuilder()
                .setLocalService(server)
                .setExecutorService(executor)
                .setExceptionHandler(LspErrors::toResponseError)
                .setRemoteInterface(AmlLanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .traceMessages(TraceRedaction.wrap(trace))
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /** lsp4j's builder, with our reader in place of its own. */
    private static final class BoundedBuilder extends Launcher.Builder<AmlLanguageClient> {
        private MessageJsonHandler jsonHandler;
        private RemoteEndpoint endpoint;

        @Override
        protected MessageJsonHandler createJsonHandler() {
            jsonHandler = super.createJsonHandler();
            return jsonHandler;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
            endpoint = super.createRemoteEndpoint(handler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                                                                    AmlLanguageClient remoteProxy) {
            return new ConcurrentMessageProcessor(new BoundedMessageProducer(input, jsonHandler, endpoint), consumer);
        }
    }
}
