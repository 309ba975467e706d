package dev.amldebug.runner.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dormant hook in processes that end at once: its thread must never be starting while the interpreter shuts down. */
@ExtendWith(DockerResources.class)
class DormantHookIT {
    @TempDir
    Path cache;

    /** Before the hook waited for its thread to run, about 1 in 100 of these ended with a segmentation fault (139). */
    @Test
    void aScriptThatEndsAtOnceEndsWithItsOwnExitCodeEveryTime() throws Exception {
        String loop = "for j in 1 2 3 4; do (for i in $(seq 1 100); do PYTHONPATH=/aml/debug/dormant"
                + " AML_DEBUG_ATTACH_PORT=$((25678 + j)) python3 -c 'raise SystemExit(7)'; echo \"exit $?\"; done) & done;"
                + " wait";
        String container = docker().createContainerCmd(BASE_IMAGE).withLabels(DockerResources.labels())
                .withCmd("sh", "-c", loop)
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(DebugShim.folder(cache).toString(),
                        new Volume(DebugOptions.SHIM_DIR), AccessMode.ro)))
                .exec().getId();
        docker().startContainerCmd(container).exec();
        docker().waitContainerCmd(container).start().awaitStatusCode(300, TimeUnit.SECONDS);

        String output = new String(new RunContainers(docker()).logs(container), StandardCharsets.UTF_8);
        assertThat(output.lines().filter(line -> line.startsWith("exit "))).hasSize(400).containsOnly("exit 7");
    }
}
