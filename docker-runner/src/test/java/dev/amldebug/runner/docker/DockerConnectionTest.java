package dev.amldebug.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConnectionTest {
    @AfterEach
    void restore() {
        System.clearProperty("DOCKER_HOST");
    }

    @Test
    void engineThatDoesNotAnswerIsExplainedInOneSentence(@TempDir Path dir) {
        System.setProperty("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        assertThatThrownBy(DockerConnection::open)
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("Docker is not running (nothing answers at unix://" + dir)
                .hasMessageContaining("start it with");
    }

    @Test
    void unreadableSocketSaysHowToGetAccess() {
        RuntimeException denied = new RuntimeException("connect failed",
                new java.io.IOException("Permission denied"));
        assertThat(DockerConnection.explain(denied, "unix:///var/run/docker.sock").getMessage())
                .contains("permission denied").contains("'docker' group");
    }

    @Test
    void comparesApiVersionsNumerically() {
        assertThat(DockerConnection.compareVersions("1.41", "1.40")).isPositive();
        assertThat(DockerConnection.compareVersions("1.9", "1.40")).isNegative();
        assertThat(DockerConnection.compareVersions("1.40", "1.40")).isZero();
    }
}
