package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelIdTest {
    @Test
    void findsTheTopLevelIdNotOneInsideParams() {
        assertThat(TopLevelId.of("{\"params\":{\"id\":99,\"s\":\"\\\"id\\\":5\"},\"id\":7,\"method\":\"m\"")).isEqualTo(7L);
        assertThat(TopLevelId.of("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"params\":[[[")).isEqualTo("a\\\"b");
    }

    @Test
    void aNotificationHasNone() {
        assertThat(TopLevelId.of("{\"method\":\"exit\",\"params\":{\"id\":3}}")).isNull();
        assertThat(TopLevelId.of("not json at all")).isNull();
    }
}
