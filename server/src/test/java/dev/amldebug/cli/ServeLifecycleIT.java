package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.bridge.protocol.DapReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aml-debug serve} as an editor leaves it: the end of its input, or SIGTERM, without shutdown and exit. The
 * debug endpoint it opened for a session that never connected is removed either way (no Docker needed).
 */
class ServeLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void theEndOfInputRemovesAnUnusedDebugEndpoint() throws Exception {
        JarProcess serve = JarProcess.startPiped("serve");
        Path socket = openEndpoint(serve);

        serve.stdin().close();

        assertThat(serve.waitFor(30)).isZero();
        assertThat(socket.getParent()).doesNotExist();
    }

    @Test
    void sigtermRemovesAnUnusedDebugEndpoint() throws Exception {
        JarProcess serve = JarProcess.startPiped("serve");
        Path socket = openEndpoint(serve);

        serve.process.destroy();

        serve.waitFor(30);
        assertThat(socket.getParent()).doesNotExist();
    }

    private Path openEndpoint(JarProcess serve) throws IOException {
        send(serve, 1, "initialize", "{\"processId\":null,\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}");
        read(serve.stdout(), 1);
        send(serve, 2, "azureml/debugAdapterEndpoint", "{}");
        Path socket = Path.of(read(serve.stdout(), 2).path("result").path("path").asText());
        assertThat(socket).exists();
        return socket;
    }

    private static void send(JarProcess serve, int id, String method, String params) throws IOException {
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}")
                .getBytes(StandardCharsets.UTF_8);
        serve.stdin().write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        serve.stdin().write(body);
        serve.stdin().flush();
    }

    /** Framed messages (LSP frames as DAP does) until the response to {@code id}; the server's own are skipped. */
    private static JsonNode read(InputStream in, int id) throws IOException {
        DapReader reader = new DapReader(in);
        while (true) {
            byte[] body = reader.read();
            if (body == null) {
                throw new IOException("the server closed its output");
            }
            JsonNode message = JSON.readTree(body);
            if (message.path("id").asInt(-1) == id && !message.has("method")) {
                return message;
            }
        }
    }
}
