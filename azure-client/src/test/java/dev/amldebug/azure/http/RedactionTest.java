package dev.amldebug.azure.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void redactsSasSignaturesAndBearerTokens() {
        String text = "GET https://a.blob.core.windows.net/c/b?sv=2021&sig=abc%2Bdef%3D&se=2026 with Bearer eyJ0eXAi.eyJhIjoxfQ.sig";

        String redacted = Redaction.redact(text);

        assertThat(redacted).contains("sig=REDACTED&se=2026", "Bearer REDACTED").doesNotContain("abc%2Bdef", "eyJ0eXAi");
    }

    @Test
    void dropsTheQueryOfAUrl() {
        assertThat(Redaction.withoutQuery(URI.create("https://h:1/c/b.txt?sig=x"))).isEqualTo("https://h:1/c/b.txt");
    }
}
