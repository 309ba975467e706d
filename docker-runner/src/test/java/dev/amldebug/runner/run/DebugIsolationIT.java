package dev.amldebug.runner.run;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.debug.DormantHook;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing but our own bridge, through the port published on 127.0.0.1, reaches a waiting debuggee, or the dormant hook
 * of a run started without one.
 */
@ExtendWith(DockerResources.class)
class DebugIsolationIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;
    @TempDir
    Path cache;

    @Test
    void aNeighbourContainerCannotReachTheDebuggerButThePublishedLoopbackPortCan() throws Exception {
        LocalRunner runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(write(project, "wait.py", "print('ran')\n"), null, List.of());
        String id = runner.queue(spec);
        LocalRun run = runner.start(id, spec, StartOptions.debug(new DebugOptions(120, true, false)), RunListener.NONE);
        RunRecord record = run.record();

        assertThat(aNeighbourOnTheDefaultNetworkSays(id, record)).contains("REFUSED").doesNotContain("CONNECTED");

        int colon = record.debugEndpoint.lastIndexOf(':');
        assertThat(record.debugEndpoint).startsWith("127.0.0.1:");
        try (Socket ours = new Socket()) {
            ours.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(record.debugEndpoint.substring(colon + 1))),
                    3000);
            assertThat(ours.isConnected()).isTrue();
        }

        new RunCanceller(runner.store(), new RunContainers(docker())).cancel(id);
        run.await();
        assertThat(docker().listNetworksCmd().withNameFilter(RunNetworks.name(id)).exec()).isEmpty();
    }

    @Test
    void aRunStartedWithoutADebuggerIsAloneOnItsNetworkWithItsHookReachableOnlyOnLoopback() throws Exception {
        LocalRunner runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(write(project, "sleep.py", "import time\ntime.sleep(120)\n"),
                null, List.of());
        String id = runner.queue(spec);
        LocalRun run = runner.start(id, spec, StartOptions.FOREGROUND, RunListener.NONE);
        RunRecord record = run.record();

        assertThat(record.debugEndpoint).isNull();
        assertThat(record.attachEndpoint).startsWith("127.0.0.1:");
        assertThat(aNeighbourOnTheDefaultNetworkSays(id, record)).contains("REFUSED").doesNotContain("CONNECTED");

        new RunCanceller(runner.store(), new RunContainers(docker())).cancel(id);
        run.await();
        assertThat(docker().listNetworksCmd().withNameFilter(RunNetworks.name(id)).exec()).isEmpty();
    }

    /** The run is alone on its network; what a container on Docker's default network says when it dials the run's debug port. */
    private static String aNeighbourOnTheDefaultNetworkSays(String id, RunRecord record) throws InterruptedException {
        int port = record.debugEndpoint != null ? DebugOptions.CONTAINER_PORT : DormantHook.PORT;
        Map<String, ContainerNetwork> networks = docker().inspectContainerCmd(record.containerId).exec()
                .getNetworkSettings().getNetworks();
        assertThat(networks).containsOnlyKeys(RunNetworks.name(id));
        String address = networks.get(RunNetworks.name(id)).getIpAddress();
        String probe = "import socket,sys\ntry:\n    socket.create_connection(('" + address + "', " + port + "), 3)\n"
                + "    print('CONNECTED')\nexcept OSError as e:\n    print('REFUSED', e)\n";
        String neighbour = docker().createContainerCmd(BASE_IMAGE).withCmd("python3", "-c", probe)
                .withLabels(DockerResources.labels()).exec().getId();
        docker().startContainerCmd(neighbour).exec();
        docker().waitContainerCmd(neighbour).start().awaitStatusCode(60, TimeUnit.SECONDS);
        return new String(new RunContainers(docker()).logs(neighbour));
    }
}
