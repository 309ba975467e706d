package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built jar says which commit it was built from: the checkout's own HEAD. */
class VersionIT {
    @Test
    void versionNamesTheCommitOfTheCheckout() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD").redirectErrorStream(true).start();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.exitValue()).as(head).isZero();

        Process version = JarProcess.builder("--version").redirectErrorStream(true).start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).as(output).isZero();
        assertThat(output).matches("aml-debug \\S+ \\(commit [0-9a-f]{7}, built \\d{4}-\\d{2}-\\d{2}\\)")
                .contains("(commit " + head + ",");
    }
}
