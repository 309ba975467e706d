package dev.amldebug.server.run.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.testing.FreePorts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scoring request says instead of a raw exception: still starting, a bad header, nothing listening. */
class ScoringRequestTest {
    @Test
    void aDeploymentStillStartingIsNotScoredButWaitedFor() {
        assertThatThrownBy(() -> ScoringRequest.send(deployment(DeploymentHealth.Starting, FreePorts.any()), null, "{}", List.of()))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("is still starting")
                .hasMessageContaining("deploy list");
    }

    @Test
    void aHeaderWithALineBreakIsRefused() {
        assertThatThrownBy(() -> ScoringRequest.send(deployment(DeploymentHealth.Healthy, FreePorts.any()), null, "{}",
                List.of("X-Test=a\r\nInjected: yes"))).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("a value on one line");
    }

    @Test
    void nothingListeningIsSaidWithWhereToLook() throws Exception {
        int closed = FreePorts.any();
        assertThatThrownBy(() -> ScoringRequest.send(deployment(DeploymentHealth.Healthy, closed), null, "{}", List.of()))
                .isInstanceOfSatisfying(AmlDebugException.class, e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                        .isEqualTo(ErrorKind.ENVIRONMENT))
                .hasMessageContaining("Nothing answers at http://127.0.0.1:" + closed + "/score")
                .hasMessageContaining("aml-debug runs logs app_1_aaaaaaaa");
    }

    private static RunRecord deployment(DeploymentHealth health, int port) {
        RunRecord record = new RunRecord();
        record.id = "app_1_aaaaaaaa";
        record.kind = RunKind.deployment;
        record.status = RunStatus.Running;
        record.deployment().starting("http://127.0.0.1:" + port + "/score", null);
        record.deployment().setHealth(health);
        return record;
    }
}
