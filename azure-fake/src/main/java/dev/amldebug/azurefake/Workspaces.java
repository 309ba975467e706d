package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake's workspaces by subscription, resource group and name, and the addresses a client is given for each. */
final class Workspaces {
    private final String armEndpoint;
    private final Map<String, FakeWorkspace> byKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedPorts = new ConcurrentHashMap<>();

    Workspaces(String armEndpoint) {
        this.armEndpoint = armEndpoint;
    }

    FakeWorkspace add(String subscriptionId, String resourceGroup, String name, FakeWorkspace.PrivateLink privateLink) {
        FakeWorkspace ws = new FakeWorkspace(subscriptionId, resourceGroup, name, privateLink);
        byKey.put(ws.key(), ws);
        return ws;
    }

    List<FakeWorkspace> all() {
        return byKey.values().stream().sorted(Comparator.comparing(FakeWorkspace::key)).toList();
    }

    Optional<FakeWorkspace> find(String subscriptionId, String resourceGroup, String name) {
        return Optional.ofNullable(byKey.get(FakeWorkspace.key(subscriptionId, resourceGroup, name)));
    }

    String discoveryUrl(FakeWorkspace ws) {
        return armEndpoint + "/discovery/workspaces/" + ws.subscriptionId + "/" + ws.resourceGroup + "/" + ws.name;
    }

    /** The data-plane origin: this server, or for a workspace that refuses connections a loopback port nobody listens on. */
    String dataPlaneOrigin(FakeWorkspace ws) {
        if (ws.privateLink != FakeWorkspace.PrivateLink.REFUSED) {
            return armEndpoint;
        }
        return "https://127.0.0.1:" + refusedPorts.computeIfAbsent(ws.key(), k -> closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
