package dev.amldebug.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
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
    void anEngineThatAcceptsButNeverAnswersIsExplainedWithinSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.setProperty("DOCKER_HOST", "tcp://127.0.0.1:" + silent.getLocalPort());
            long started = System.nanoTime();
            assertThatThrownBy(DockerConnection::open).isInstanceOf(DockerUnavailableException.class)
                    .hasMessageStartingWith("Docker does not answer at tcp://127.0.0.1:" + silent.getLocalPort()
                            + " within 5 s").hasMessageContaining("Restart the engine");
            // Not a speed target: a hang would never get here at all.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void aMalformedDockerHostIsBadInputWithASentence() {
        for (String host : new String[] {"foo://bar", "tcp//x", "unix://"}) {
            System.setProperty("DOCKER_HOST", host);
            assertThatThrownBy(DockerConnection::open).as(host).isInstanceOfSatisfying(AmlDebugException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                assertThat(e).hasMessage("DOCKER_HOST '" + host + "' is not a Docker address: use"
                        + " unix:///var/run/docker.sock or tcp://HOST:PORT, or unset it.");
            });
        }
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
