package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.HubShim;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.testing.DockerResources;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A debug hub on the gateway of a Docker network of the test's own, and "nodes": containers of the base image on
 * that network (named {@code <network>-node<N>}), each running P processes of a script under the shim's connect mode with the rank environment of a
 * distributed run. Only the test's containers are on the network. DockerResources removes what this creates.
 */
public final class HubRanks implements AutoCloseable {
    public static final String CODE = "/aml/code";

    public final ExecutorService executor = Executors.newCachedThreadPool();
    public final DebugHub hub;
    final String gateway;
    private final String network;
    private final String networkName;
    private final Path project;
    private final Path shim;
    private final List<String> containers = new ArrayList<>();

    public HubRanks(Path project, Path cache) throws Exception {
        this.project = project;
        this.shim = DebugShim.folder(cache);
        this.networkName = "aml-debug-hub-it-" + UUID.randomUUID().toString().substring(0, 8);
        this.network = docker().createNetworkCmd().withName(networkName).withLabels(DockerResources.labels()).exec()
                .getId();
        this.gateway = docker().inspectNetworkCmd().withNetworkId(network).exec().getIpam().getConfig().get(0)
                .getGateway();
        this.hub = DebugHub.start(InetAddress.getByName(gateway), 0, executor);
    }

    /** Node {@code node}'s name on the network, as the other nodes reach it (a torch job's MASTER_ADDR: node 0). */
    public String host(int node) {
        return networkName + "-node" + node;
    }

    public List<PathMapping> pathMappings() {
        return List.of(new PathMapping(project.toString(), CODE));
    }

    /** Node {@code node} with {@code perNode} ranks of {@code script} dialling the hub with {@code token}. */
    public String node(int node, int perNode, String script, String token, String shimOptions) {
        return node(node, perNode, script, token, shimOptions, BASE_IMAGE, List.of());
    }

    /** The same in {@code image}, with {@code environment} added (such as a torch job's MASTER_ADDR and WORLD_SIZE). */
    public String node(int node, int perNode, String script, String token, String shimOptions, String image,
                       List<String> environment) {
        String connect = String.join(" ", HubShim.connectArguments(gateway, hub.address().getPort()));
        StringBuilder command = new StringBuilder();
        for (int local = 0; local < perNode; local++) {
            command.append("RANK=").append(node * perNode + local).append(" LOCAL_RANK=").append(local)
                    .append(" python3 /aml/debug/aml_debug_shim.py ").append(connect).append(' ').append(shimOptions)
                    .append(" -- ").append(CODE).append('/').append(script).append(" & p").append(local).append("=$!; ");
        }
        for (int local = 0; local < perNode; local++) {
            command.append("wait $p").append(local).append(" || s=$?; ");
        }
        command.append("exit ${s:-0}");
        List<String> env = new ArrayList<>(List.of("AML_DEBUG_RUN_ID=hub-it", "NODE_RANK=" + node));
        env.addAll(environment);
        if (token != null) {
            env.add(HubShim.TOKEN_ENV + "=" + token);
        }
        return start(image, host(node), env, command.toString());
    }

    /** @param name the container's name, which other nodes reach it by */
    private String start(String image, String name, List<String> env, String command) {
        String id = docker().createContainerCmd(image).withName(name).withLabels(DockerResources.labels())
                .withEnv(env).withCmd("sh", "-c", command)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network).withBinds(
                        new Bind(shim.toString(), new Volume("/aml/debug"), AccessMode.ro),
                        new Bind(project.toString(), new Volume(CODE), AccessMode.ro)))
                .exec().getId();
        docker().startContainerCmd(id).exec();
        containers.add(id);
        return id;
    }

    /** A node of {@code perNode} ranks of {@code script} run with plain python3 (the shim's folder at /aml/debug). */
    public String plain(String image, int perNode, String script, List<String> environment) {
        StringBuilder command = new StringBuilder();
        for (int local = 0; local < perNode; local++) {
            command.append("RANK=").append(local).append(" python3 ").append(CODE).append('/').append(script)
                    .append(" & p").append(local).append("=$!; ");
        }
        for (int local = 0; local < perNode; local++) {
            command.append("wait $p").append(local).append(" || s=$?; ");
        }
        return start(image, networkName + "-plain" + containers.size(), environment,
                command.append("exit ${s:-0}").toString());
    }

    public String nodeWithToken(int node, int perNode, String script) {
        return node(node, perNode, script, hub.token(), "--wait-timeout 60");
    }

    public int exitCode(String container) {
        return docker().waitContainerCmd(container).start().awaitStatusCode(120, TimeUnit.SECONDS);
    }

    public String logs(String container) throws InterruptedException {
        return new String(new RunContainers(docker()).logs(container), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        hub.close();
        executor.shutdownNow();
        containers.forEach(id -> new RunContainers(docker()).remove(id));
        docker().removeNetworkCmd(network).exec();
    }
}
