package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.server.threads.ServerThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile framing on the real wire: the server answers what it can, skips what it must, and keeps serving. */
class LanguageServerFramingTest {
    @TempDir
    Path workspace;

    private final ServerThreads threads = new ServerThreads();
    private LoopbackPair pair;
    private OutputStream toServer;
    private InputStream fromServer;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("DOCKER_HOST", "unix://" + workspace.resolve("no-docker.sock"));
        pair = LoopbackPair.open();
        AmlLanguageServer server = new AmlLanguageServer("img", threads, () -> { });
        LanguageServerLauncher.start(server, pair.right().getInputStream(), pair.right().getOutputStream(), null,
                threads.blocking());
        toServer = pair.left().getOutputStream();
        fromServer = pair.left().getInputStream();
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\""
                + workspace.toUri() + "\",\"capabilities\":{}}}");
        assertThat(readResponseTo(1)).contains("\"capabilities\"");
    }

    @AfterEach
    void stop() throws Exception {
        pair.close();
        threads.close();
        System.clearProperty("DOCKER_HOST");
    }

    @Test
    void aRequestNestedTooDeeplyIsAnsweredWithAnErrorAndTheServerGoesOn() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"azureml/treeChildren\",\"params\":{\"x\":" + deep + "}}");
        assertThat(readResponseTo(7)).contains("\"code\":-32700");
        send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"azureml/treeChildren\",\"params\":{}}");
        assertThat(readResponseTo(8)).contains("Local workspace");
    }

    @Test
    void aMessageOverTheSizeLimitIsSkippedAndTheServerGoesOn() throws Exception {
        int size = BoundedMessageProducer.MAX_BODY + 1;
        toServer.write(("Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int left = size; left > 0; left -= chunk.length) {
            toServer.write(chunk, 0, Math.min(left, chunk.length));
        }
        send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"azureml/treeChildren\",\"params\":{}}");
        assertThat(readResponseTo(9)).contains("Local workspace");
    }

    @Test
    void aHeaderBlockWithoutContentLengthIsDroppedAndTheNextRequestAnswered() throws Exception {
        toServer.write("X-Other: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        send("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"azureml/treeChildren\",\"params\":{}}");
        assertThat(readResponseTo(11)).contains("Local workspace");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aMessageOverTheSizeLimitOnAPipeIsSkippedToo() throws Exception {
        Path fifo = workspace.resolve("stdin.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        LoopbackPair out = LoopbackPair.open();
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (OutputStream pipe = java.nio.file.Files.newOutputStream(fifo)) {
                int size = BoundedMessageProducer.MAX_BODY + 1;
                pipe.write(("Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1 << 20];
                for (int left = size; left > 0; left -= chunk.length) {
                    pipe.write(chunk, 0, Math.min(left, chunk.length));
                }
                byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}"
                        .getBytes(StandardCharsets.UTF_8);
                pipe.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                pipe.write(body);
                pipe.flush();
                answered.await(); // the pipe stays open until the server has answered
            } catch (IOException | InterruptedException e) {
                // The test ended.
            }
        });
        writer.setDaemon(true);
        writer.start();
        try (InputStream stdin = new java.io.FileInputStream(fifo.toFile())) {
            LanguageServerLauncher.start(new AmlLanguageServer("img", threads, () -> { }), stdin,
                    out.right().getOutputStream(), null, threads.blocking());
            fromServer = out.left().getInputStream();
            assertThat(readResponseTo(12)).contains("\"capabilities\"");
        } finally {
            answered.countDown();
            out.close();
        }
    }

    @Test
    void malformedJsonWithAnIdIsAnsweredAndTheNextRequestToo() throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"azureml/treeChildren\",\"params\":{\"x\":}");
        assertThat(readResponseTo("\"a-1\"")).contains("\"code\":-32700");
        send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"azureml/treeChildren\",\"params\":{}}");
        assertThat(readResponseTo(10)).contains("Local workspace");
    }

    private void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    private String readResponseTo(int id) throws IOException {
        return readResponseTo(String.valueOf(id));
    }

    /** Skips notifications and requests from the server until the response with this id. */
    private String readResponseTo(String id) throws IOException {
        while (true) {
            String message = readMessage();
            if (message.contains("\"id\":" + id) && (message.contains("\"result\"") || message.contains("\"error\""))) {
                return message;
            }
        }
    }

    private String readMessage() throws IOException {
        int length = -1;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = fromServer.read();
            if (c < 0) {
                throw new IOException("the server closed the stream");
            }
            if (c == '\n') {
                String header = line.toString(StandardCharsets.US_ASCII).trim();
                line.reset();
                if (header.isEmpty()) {
                    break;
                }
                if (header.startsWith("Content-Length:")) {
                    length = Integer.parseInt(header.substring("Content-Length:".length()).trim());
                }
            } else {
                line.write(c);
            }
        }
        return new String(fromServer.readNBytes(length), StandardCharsets.UTF_8);
    }
}
