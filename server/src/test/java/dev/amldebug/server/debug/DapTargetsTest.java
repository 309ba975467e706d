package dev.amldebug.server.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.server.run.RunServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attach and launch requests that need no Docker: what they resolve to, and what they refuse. */
class DapTargetsTest {
    @TempDir
    Path workspace;

    private final Supplier<DockerClient> noDocker = () -> {
        throw new AssertionError("these requests must not need Docker");
    };

    private DapTargets targets() {
        return new DapTargets(new RunServices("img", noDocker, new ImageUsage(workspace), Runnable::run), workspace,
                RunListener.NONE);
    }

    private static DapMessage request(String command, String arguments) throws Exception {
        return DapMessage.parse(("{\"seq\":1,\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":"
                + arguments + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAttachByAddressCarriesTheKeysItConsumed() throws Exception {
        BridgeTarget target = targets().resolve(request("attach", "{\"host\":\"127.0.0.1\",\"port\":5678,"
                + "\"justMyCode\":false}"));
        assertThat(target.address()).isEqualTo("127.0.0.1:5678");
        assertThat(target.justMyCode()).isFalse();
        assertThat(target.ownKeys()).contains("runId", "allowPublic", "workspace");
    }

    @Test
    void aLaunchWithAWaitTimeoutThatIsNotWholeSecondsIsRefusedBeforeAnythingRuns() throws Exception {
        for (String wait : new String[] {"\"soon\"", "-5", "1.5"}) {
            assertThatThrownBy(() -> targets().resolve(request("launch", "{\"script\":\"t.py\",\"waitTimeout\":"
                    + wait + "}"))).isInstanceOf(AmlDebugException.class)
                    .hasMessageContaining("\"waitTimeout\" takes whole seconds, 0 or more");
        }
    }

    @Test
    void aLaunchInTheRootOrASystemFolderIsRefused() throws Exception {
        for (String folder : new String[] {"/", "/etc"}) {
            assertThatThrownBy(() -> targets().resolve(request("launch", "{\"script\":\"t.py\",\"workspace\":\""
                    + folder + "\"}"))).isInstanceOf(AmlDebugException.class)
                    .hasMessageContaining("The workspace folder would be");
        }
    }

    @Test
    void aPortOutsideTcpsRangeIsRefusedAtOnce() throws Exception {
        assertThatThrownBy(() -> targets().resolve(request("attach", "{\"host\":\"127.0.0.1\",\"port\":70000}")))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("Port 70000 is not a TCP port");
        assertThatThrownBy(() -> targets().resolve(request("attach", "{\"connect\":{\"host\":\"localhost\",\"port\":-1}}")))
                .hasMessageContaining("Port -1 is not a TCP port");
    }

    @Test
    void theMetadataAddressIsRefused() throws Exception {
        assertThatThrownBy(() -> targets().resolve(request("attach", "{\"host\":\"169.254.169.254\",\"port\":80}")))
                .hasMessageContaining("link-local");
    }

    @Test
    void aLaunchWithoutAJobSaysWhatItNeeds() throws Exception {
        assertThatThrownBy(() -> targets().resolve(request("launch", "{}"))).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("needs \"job\"");
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(workspace.resolve(name).getParent());
        Files.writeString(workspace.resolve(name), text);
    }

    private void twoStepPipeline() throws Exception {
        write("src/a.py", "print('a')\n");
        write("pipeline.yml", """
                type: pipeline
                jobs:
                  prep:
                    type: command
                    code: src
                    command: python a.py
                    environment: {image: img}
                  train:
                    type: command
                    code: src
                    command: python a.py
                    environment: {image: img}
                """);
    }

    @Test
    void aPipelineLaunchWithSeveralStepsAndNoneNamedSaysWhichStepsToChooseFromBeforeAnythingRuns() throws Exception {
        twoStepPipeline();
        assertThatThrownBy(() -> targets().resolve(request("launch", "{\"job\":\"pipeline.yml\"}")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("name the one to debug with \"step\"").hasMessageContaining("prep, train");
    }

    @Test
    void aPipelineLaunchNamingAStepThePipelineLacksIsRefusedBeforeAnythingRuns() throws Exception {
        twoStepPipeline();
        assertThatThrownBy(() -> targets().resolve(request("launch", "{\"job\":\"pipeline.yml\",\"step\":\"trian\"}")))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("no step named 'trian'")
                .hasMessageContaining("prep, train");
    }

    @Test
    void theOnlyStepOfAPipelineNeedsNoName() throws Exception {
        write("pipeline.yml", "type: pipeline\njobs:\n  solo:\n    type: command\n    command: echo hi\n"
                + "    environment: {image: img}\n");
        assertThat(PipelineLaunch.step(workspace.resolve("pipeline.yml"), null)).isEqualTo("solo");
    }

    @Test
    void aDeploymentLaunchOfAFileThatIsNotThereSaysWhatItNeeds() throws Exception {
        assertThatThrownBy(() -> targets().resolve(request("launch", "{\"deployment\":\"app/deployment.yml\"}")))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("give the path of a deployment YAML");
    }

    @Test
    void theLaunchKeysOfPipelinesAndDeploymentsAreOursNotDebugpys() {
        assertThat(DapTargets.LAUNCH_KEYS).contains("step", "deployment");
    }
}
