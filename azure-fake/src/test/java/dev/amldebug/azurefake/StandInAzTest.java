package dev.amldebug.azurefake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInAzTest {
    @TempDir
    Path folder;

    private record Result(int exit, String out, String err) {
    }

    private Result run(Path az, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(az.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, err);
    }

    @Test
    void answersGetAccessTokenInBothFormsAsTheCliDoes() throws Exception {
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");
        Path az = StandInAz.write(folder, "tok.en.value", expires, "sub-1", "tenant-1");
        for (String[] args : List.of(new String[] {"account", "get-access-token", "--output", "json", "--resource", "https://management.azure.com"},
                new String[] {"account", "get-access-token", "-o", "json", "--scope", "https://management.azure.com/.default", "--tenant", "t"})) {
            Result result = run(az, args);
            assertThat(result.exit()).isZero();
            JsonNode json = Json.parse(result.out().getBytes());
            assertThat(json.get("accessToken").asText()).isEqualTo("tok.en.value");
            assertThat(json.get("expires_on").asLong()).isEqualTo(expires.getEpochSecond());
            assertThat(json.get("expiresOn").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
            assertThat(json.get("tokenType").asText()).isEqualTo("Bearer");
        }
    }

    @Test
    void anythingElseFailsWithAMessage() throws Exception {
        Path az = StandInAz.write(folder, "t", Instant.now(), "s", "t");
        Result result = run(az, "group", "list");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("ERROR");
    }

    @Test
    void signedOutItAsksForAzLogin() throws Exception {
        Result result = run(StandInAz.writeSignedOut(folder), "account", "get-access-token", "--output", "json");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Please run 'az login' to setup account.");
    }
}
