package dev.amldebug.cli;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** run --break, attach --host/--port and the dap adapter, through the real jar. */
@ExtendWith(DockerResources.class)
class DebugCommandsIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @Test
    void runWithBreakPrintsEachStopAndItsLocalsThenTheExitCodeItAlsoReturns() throws Exception {
        Path script = write(project, "answer.py", "for x in range(40, 42):\n    y = x + 1\nraise SystemExit(3)\n");
        JarProcess cli = JarProcess.start("run", script.toString(), "--folder", workspace.toString(), "--break", "answer.py:2");
        int exit = cli.waitFor(120);
        String output = cli.output();
        assertThat(exit).as(output).isEqualTo(3);
        assertThat(output).contains("stopped at answer.py:2 in <module>\n  x = 40\n",
                "stopped at answer.py:2 in <module>\n  x = 41\n  y = 41\n", "exit code: 3", "debugpy: 127.0.0.1:");
    }

    @Test
    void attachByHostAndPortJoinsAScriptThatStartsDebugpyItself() throws Exception {
        write(project, "guide_style.py", """
                import debugpy
                debugpy.listen(('0.0.0.0', 5678))
                print('waiting for a debugger', flush=True)
                debugpy.wait_for_client()
                message = 'remote ' + 'debugging'
                print(message)
                """);
        ExposedPort debug = ExposedPort.tcp(5678);
        Ports ports = new Ports();
        ports.bind(debug, Ports.Binding.bindIp("127.0.0.1"));
        String container = docker().createContainerCmd(BASE_IMAGE)
                .withLabels(DockerResources.labels())
                .withCmd("python3", "/app/guide_style.py").withExposedPorts(debug)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(ports)
                        .withBinds(new Bind(project.toString(), new Volume("/app"), AccessMode.ro)))
                .exec().getId();
        docker().startContainerCmd(container).exec();
        String port = docker().inspectContainerCmd(container).exec().getNetworkSettings().getPorts().getBindings()
                .get(debug)[0].getHostPortSpec();

        JarProcess cli = JarProcess.start("attach", "--host", "127.0.0.1", "--port", port,
                "--path-mapping", project + "=/app", "--break", project.resolve("guide_style.py") + ":6");
        cli.waitFor(120);
        assertThat(cli.output()).contains("stopped at guide_style.py:6 in <module>", "  message = 'remote debugging'");
    }

    @Test
    void attachRefusesAPublicAddressUnlessAllowed() throws Exception {
        JarProcess cli = JarProcess.start("attach", "--host", "8.8.8.8", "--port", "5678");
        assertThat(cli.waitFor(30)).isEqualTo(2);
        assertThat(cli.output()).contains("is a public address").contains("--allow-public");
    }

    @Test
    void dapAdapterOnStdioLaunchesAScriptUnderTheDebuggerAndStopsAtABreakpoint() throws Exception {
        Path script = write(project, "adapter.py", "numbers = [1, 2, 3]\ntotal = sum(numbers)\nprint('total', total)\n");
        Adapter started = initializedAdapter();
        JarProcess adapter = started.process();
        DapTestClient client = started.client();
        assertThat(started.capabilities().getSupportsLogPoints()).isTrue();
        client.answer(client.launch(Map.of("script", script.toString(), "waitTimeout", 60), script.toString(), 3));
        client.resume(client.await(StoppedEventArguments.class).getThreadId());
        assertThat(client.await(ExitedEventArguments.class).getExitCode()).isZero();
        client.await(TerminatedEventArguments.class);
        client.server.disconnect(new DisconnectArguments());
        assertThat(adapter.waitFor(30)).isZero();
    }

    @Test
    void aDapClientThatGoesAwayLeavesItsRunToAFollowerThatRemovesItsContainerAndNetwork() throws Exception {
        Path script = write(project, "gone.py", "print('ran without the client')\n");
        Adapter started = initializedAdapter();
        JarProcess adapter = started.process();
        started.client().server.launch(Map.of("script", script.toString(), "waitTimeout", 5));
        started.client().await(DapTestClient.Initialized.class);
        dev.amldebug.runner.run.RunStore store = new dev.amldebug.runner.run.RunStore(workspace);
        String runId = store.list().get(0).id;
        List<com.github.dockerjava.api.model.Network> networks = docker().listNetworksCmd()
                .withFilter("label", List.of("dev.amldebug.run-id=" + runId)).exec();
        assertThat(networks).singleElement().satisfies(network ->
                assertThat(network.getLabels()).containsEntry("dev.amldebug.workspace", workspace.toString()));

        adapter.stdin().close();
        adapter.waitFor(30);

        // Nobody attaches: the script runs when its 5 s wait ends, and the follower records that and cleans up.
        await().atMost(Duration.ofSeconds(90)).until(() -> !store.read(runId).isActive());
        assertThat(store.read(runId).status).isEqualTo(dev.amldebug.runner.run.RunStatus.Completed);
        await().atMost(Duration.ofSeconds(30)).until(() -> docker().listNetworksCmd()
                .withFilter("label", List.of("dev.amldebug.run-id=" + runId)).exec().isEmpty()
                && docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.amldebug.run-id", runId)).exec().isEmpty());
    }

    @Test
    void serveOnAPortAnswersAClientThatConnectsByHand() throws Exception {
        JarProcess server = JarProcess.start("serve", "--port", "0");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.output().contains("listening on 127.0.0.1:"));
        String port = server.output().replaceAll("(?s).*listening on 127\\.0\\.0\\.1:(\\d+).*", "$1");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(port))) {
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\""
                    + workspace.toUri() + "\",\"capabilities\":{}}}").getBytes(StandardCharsets.UTF_8);
            new DapWriter(socket.getOutputStream()).write(body);
            String answer = new String(new DapReader(socket.getInputStream()).read(), StandardCharsets.UTF_8);
            assertThat(answer).contains("\"id\":1").contains("azureml.submitExperiment");
        }
        server.process.destroy();
    }

    /** {@code aml-debug dap} on stdio, after initialize, with the capabilities it answered. */
    private record Adapter(JarProcess process, DapTestClient client, Capabilities capabilities) {
    }

    private Adapter initializedAdapter() throws Exception {
        JarProcess adapter = JarProcess.startPiped("dap", "--folder", workspace.toString());
        // As long as the adapter's own waits: a launch may build the image first.
        DapTestClient client = new DapTestClient(adapter.stdout(), adapter.stdin(), () -> { })
                .waitingUpTo(Duration.ofSeconds(120));
        return new Adapter(adapter, client, client.answer(client.initialize("azureml", false)));
    }
}
