package dev.amldebug.cli;

import dev.amldebug.server.lsp.AmlLanguageServer;
import dev.amldebug.server.lsp.LanguageServerLauncher;
import dev.amldebug.server.threads.ServerThreads;
import dev.amldebug.bridge.target.AddressPolicy;
import dev.amldebug.errors.AmlDebugException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the Azure ML language server (LSP) on stdin/stdout, or on loopback TCP with --port.",
                "The VS Code extension starts it; --port lets a developer attach a client by hand."},
        footer = {"",
                "Examples:",
                "  # What the VS Code extension starts",
                "  aml-debug serve",
                "  # On a port, with the LSP traffic written to a file",
                "  aml-debug serve --port 5007 --trace-lsp /tmp/lsp.log"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Listen on 127.0.0.1:N for one client instead of stdio.")
    Integer port;

    @Option(names = "--trace-lsp", paramLabel = "FILE", description = "Write every LSP message to FILE.")
    Path traceFile;

    @Mixin
    BaseImageOption baseImage;

    @Override
    public Integer call() throws Exception {
        ServerThreads threads = new ServerThreads();
        AmlLanguageServer server = new AmlLanguageServer(baseImage.image, threads, () -> {
            threads.close();
            System.exit(0);
        });
        PrintWriter trace = traceFile == null ? null : new PrintWriter(Files.newBufferedWriter(traceFile), true);
        // SIGTERM, or the end of input below: what the server made goes, as on exit.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "aml-debug-serve-close"));
        if (port == null) {
            // stdout carries LSP; anything else printed there would break the protocol.
            PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
            System.setOut(System.err);
            LanguageServerLauncher.start(server, System.in, protocolOut, trace, threads.blocking()).get();
            server.close();
            return 0;
        }
        try (ServerSocket listening = listen(port)) {
            System.err.println("aml-debug language server listening on 127.0.0.1:" + listening.getLocalPort());
            try (Socket client = listening.accept()) {
                LanguageServerLauncher.start(server, client.getInputStream(), client.getOutputStream(), trace,
                        threads.blocking()).get();
            }
            server.close();
        }
        return 0;
    }

    /** Port 0 takes any free port; a busy or impossible one is the user's to change. */
    private static ServerSocket listen(int port) throws IOException {
        if (port != 0) {
            AddressPolicy.checkPort(port);
        }
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (BindException e) {
            throw AmlDebugException.badInput("Port " + port + " on 127.0.0.1 is in use: choose another with --port"
                    + " (0 takes any free port), or stop what listens there.");
        }
    }
}
