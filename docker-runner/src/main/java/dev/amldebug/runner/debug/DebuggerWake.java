package dev.amldebug.runner.debug;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks the dormant hook of a running run to start debugpy ({@code aml_debug_dormant.py}): one line out, one line back,
 * on the port where debugpy then listens. Each answer that is not "listening" becomes a sentence for the user.
 */
public final class DebuggerWake {
    static final String REQUEST = "debugpy\n";
    /** Importing debugpy and starting its adapter takes seconds on a slow machine. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** Docker's proxy accepts and closes at once while no process of the run waits on the port: asked again till then. */
    private static final Duration NOBODY_WAITS_FOR = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofMillis(250);

    private final String runId;

    public DebuggerWake(String runId) {
        this.runId = runId;
    }

    /** Returns once debugpy listens at {@code host:port}; otherwise throws the sentence that says why not. */
    public void wake(String host, int port) throws InterruptedException {
        Instant giveUp = Instant.now().plus(NOBODY_WAITS_FOR);
        while (true) {
            String answer = ask(host, port);
            if (!answer.isEmpty() || Instant.now().isAfter(giveUp)) {
                check(answer);
                return;
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    /** The hook's answer as a result: nothing for "listening", otherwise the sentence. */
    void check(String answer) {
        if (answer.equals("listening")) {
            return;
        }
        if (answer.equals("no-debugpy")) {
            throw AmlDebugException.badInput("Run " + runId + " cannot take a debugger: its image has no debugpy. Add"
                    + " debugpy to the environment's pip dependencies and start the run again.");
        }
        if (answer.startsWith("failed ")) {
            throw AmlDebugException.environment("debugpy could not start in run " + runId + " ("
                    + answer.substring("failed ".length()) + "); start the run with --debug instead.", null);
        }
        throw AmlDebugException.badInput("Run " + runId + " cannot take a debugger now: no Python process of it waits"
                + " for one (it is not a Python run, its Python started with -I, -E or -S, or it has not started yet);"
                + " start it with --debug to debug it.");
    }

    /** The hook's answer line, or "" when nobody answered. */
    private String ask(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) RETRY.toMillis() * 20);
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            return "";
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n' && line.length() < 4096; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
