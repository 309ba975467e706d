package dev.amldebug.bridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DapReaderTest {
    private static DapReader reader(String bytes) {
        return new DapReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsExactlyContentLengthBytesAndKeepsThemAsTheyWere() throws Exception {
        String first = "{\"seq\": 1,  \"type\":\"event\", \"body\": {\"x\": \"é\"}}";
        String second = "{\"seq\":2}";
        int firstLength = first.getBytes(StandardCharsets.UTF_8).length;
        DapReader reader = reader("Content-Length: " + firstLength + "\r\n\r\n" + first
                + "Content-Type: application/json\r\ncontent-length: 9\r\n\r\n" + second);
        assertThat(new String(reader.read(), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(new String(reader.read(), StandardCharsets.UTF_8)).isEqualTo(second);
        assertThat(reader.read()).isNull();
    }

    @Test
    void writerFramesWhatTheReaderReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = "{\"seq\":7,\"type\":\"request\"}".getBytes(StandardCharsets.UTF_8);
        new DapWriter(out).write(body);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("Content-Length: 26\r\n\r\n{\"seq\":7,\"type\":\"request\"}");
        assertThat(new DapReader(new ByteArrayInputStream(out.toByteArray())).read()).isEqualTo(body);
    }

    @Test
    void malformedFramingIsAnErrorNotAHang() {
        assertThatThrownBy(() -> reader("hello\r\n\r\n").read()).isInstanceOf(DapFramingException.class)
                .hasMessageContaining("malformed header line");
        assertThatThrownBy(() -> reader("Content-Type: x\r\n\r\n{}").read())
                .hasMessageContaining("without a Content-Length");
        assertThatThrownBy(() -> reader("Content-Length: 50\r\n\r\n{}").read())
                .hasMessageContaining("stream ended inside a message");
        assertThatThrownBy(() -> reader("Content-Length: -3\r\n\r\n").read()).hasMessageContaining("out of range");
        assertThatThrownBy(() -> reader("x".repeat(5000)).read()).hasMessageContaining("longer than");
    }

    @Test
    void messagesThatAreNotJsonObjectsAreRejected() {
        assertThatThrownBy(() -> DapMessage.parse("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DapJsonException.class);
        assertThatThrownBy(() -> DapMessage.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("invalid JSON");
    }
}
