package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** azureml.checkDocker, the walkthrough's "Set up Docker" step, against the real engine. */
class DockerCheckIT {
    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    @Test
    void answersTheRunningEnginesVersion() throws Exception {
        Map<String, Object> result = lsp.session().commandResult("azureml.checkDocker", Map.of(), Duration.ofSeconds(30));
        assertThat((String) result.get("apiVersion")).matches("1\\.\\d+");
        assertThat((String) result.get("version")).isNotBlank();
    }
}
