package dev.amldebug.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The light transport's response reading: bodies end where the response does, and closing one closes its connection. */
class HttpResponseTest {
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpResponse read(String wire) throws Exception {
        return HttpResponse.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
                () -> closed.set(true));
    }

    @Test
    void aChunkedBodyIsItsChunksAndClosingItClosesTheConnection() throws Exception {
        HttpResponse response = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\nNOT BODY");
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).isEqualTo("text/plain");
        try (InputStream body = response.getBody()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
        assertThat(closed).isTrue();
    }

    @Test
    void aBodyOfKnownLengthStopsThere() throws Exception {
        HttpResponse response = read("HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\n{}{}extra");
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}{}");
        response.getBody().close();
        assertThat(closed).isTrue();
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() throws Exception {
        HttpResponse response = read("HTTP/1.1 200 OK\r\n\r\nall of it");
        assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("all of it");
    }

    @Test
    void aMalformedHeadIsAnIoErrorNotANumberFormatException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("HTTP/1.1 abc OK\r\n\r\n"))
                .isInstanceOf(java.io.IOException.class);
    }
}
