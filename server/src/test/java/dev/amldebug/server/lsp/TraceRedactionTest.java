package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TraceRedactionTest {
    private static final String JWT = "eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJhIn0.c2lnbmF0dXJl";

    @Test
    void writesTokenFieldsAsRedactedAndKeepsTheRest() {
        StringWriter out = new StringWriter();
        PrintWriter trace = TraceRedaction.wrap(new PrintWriter(out));
        trace.print("Params: {\n  \"command\": \"azureml.azure.signIn\",\n  \"arguments\": [{\"tokens\": [{\n"
                + "    \"tenantId\": \"t1\",\n    \"token\": \"opaque-secret\\\"still\"\n  }]}]\n}\n");
        trace.flush();
        assertThat(out.toString()).contains("\"tenantId\": \"t1\"", "\"token\": \"REDACTED\"", "azureml.azure.signIn")
                .doesNotContain("opaque-secret").doesNotContain("still");
    }

    @Test
    void redactsAJwtAndABearerHeaderWhereverTheyAre() {
        assertThat(TraceRedaction.redact("{\"text\": \"got " + JWT + "\", \"h\": \"Bearer abc.def\"}"))
                .isEqualTo("{\"text\": \"got REDACTED\", \"h\": \"Bearer REDACTED\"}");
    }

    @Test
    void writesNothingBeforeAFlushSoThatATokenSplitAcrossWritesIsStillRedacted() {
        StringWriter out = new StringWriter();
        PrintWriter trace = TraceRedaction.wrap(new PrintWriter(out));
        trace.print("{\"token\": \"secr");
        assertThat(out.toString()).isEmpty();
        trace.print("et\"}");
        trace.flush();
        assertThat(out.toString()).isEqualTo("{\"token\": \"REDACTED\"}");
    }
}
