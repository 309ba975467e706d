package dev.amldebug.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Network;
import dev.amldebug.errors.AmlDebugException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engines' answers as they really come: Docker Engine 20.10 fresh and restarted, Podman 4.3, Docker Desktop. */
class HostRouteFinderTest {
    /** `docker network inspect bridge` on a freshly started Docker Engine 20.10.24: no Gateway field. */
    private static final String FRESH_BRIDGE = """
            {"Name":"bridge","Driver":"bridge","IPAM":{"Driver":"default","Options":null,
             "Config":[{"Subnet":"172.17.0.0/16"}]},
             "Options":{"com.docker.network.bridge.default_bridge":"true","com.docker.network.bridge.name":"docker0"}}""";
    private static final String BRIDGE_WITH_GATEWAY = """
            {"Name":"bridge","Driver":"bridge","IPAM":{"Driver":"default",
             "Config":[{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"}]},
             "Options":{"com.docker.network.bridge.name":"docker0"}}""";
    /** Podman 4.3's compatible API: its default network, on interface podman0, no bridge-name option. */
    private static final String PODMAN = """
            {"Name":"podman","Driver":"bridge","IPAM":{"Driver":"default",
             "Config":[{"Subnet":"10.88.0.0/16","Gateway":"10.88.0.1"}]},"Options":{}}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void findsTheBridgeInterfaceWhenAFreshEngineLeavesOutTheGateway() throws Exception {
        HostRoute route = finder(Map.of(), Map.of("docker0", "172.17.0.1"), Set.of("172.17.0.1"))
                .choose("Debian GNU/Linux 12 (bookworm)", List.of(network(FRESH_BRIDGE)));

        assertThat(route.listen().getHostAddress()).isEqualTo("172.17.0.1");
        assertThat(route.extraHost()).contains("host.docker.internal:172.17.0.1");
        assertThat(route.how()).contains("docker0");
    }

    @Test
    void takesTheFirstAddressOfTheSubnetWhenTheInterfaceHasAnotherName() throws Exception {
        HostRoute route = finder(Map.of(), Map.of(), Set.of("172.17.0.1"))
                .choose("Debian GNU/Linux 12 (bookworm)", List.of(network(FRESH_BRIDGE)));

        assertThat(route.listen().getHostAddress()).isEqualTo("172.17.0.1");
    }

    @Test
    void usesTheGatewayWhenTheEngineGivesOne() throws Exception {
        HostRoute route = finder(Map.of(), Map.of(), Set.of("172.17.0.1"))
                .choose("Ubuntu 24.04", List.of(network(BRIDGE_WITH_GATEWAY)));

        assertThat(route.extraHost()).contains("host.docker.internal:172.17.0.1");
    }

    @Test
    void usesPodmansDefaultNetwork() throws Exception {
        HostRoute route = finder(Map.of(), Map.of(), Set.of("10.88.0.1"))
                .choose("debian", List.of(network(PODMAN)));

        assertThat(route.extraHost()).contains("host.docker.internal:10.88.0.1");
    }

    @Test
    void listensOnLoopbackUnderDockerDesktopWhichProvidesTheNameItself() throws Exception {
        HostRoute route = finder(Map.of(), Map.of(), Set.of())
                .choose("Docker Desktop", List.of(network(BRIDGE_WITH_GATEWAY)));

        assertThat(route.listen().isLoopbackAddress()).isTrue();
        assertThat(route.extraHost()).isEmpty();
    }

    @Test
    void theUsersAddressWins() throws Exception {
        HostRoute route = finder(Map.of(HostRouteFinder.VARIABLE, " 192.168.5.2 "), Map.of(), Set.of())
                .choose("Docker Desktop", List.of(network(BRIDGE_WITH_GATEWAY)));

        assertThat(route.listen().getHostAddress()).isEqualTo("192.168.5.2");
        assertThat(route.extraHost()).contains("host.docker.internal:192.168.5.2");
    }

    @Test
    void aRemoteEngineWhoseBridgeIsNotHereAsksForTheAddress() throws Exception {
        HostRouteFinder finder = finder(Map.of(), Map.of(), Set.of());

        assertThatThrownBy(() -> finder.choose("Ubuntu 24.04", List.of(network(BRIDGE_WITH_GATEWAY))))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("Set " + HostRouteFinder.VARIABLE);
    }

    @Test
    void aHostNameIsNotAnAddress() {
        HostRouteFinder finder = finder(Map.of(HostRouteFinder.VARIABLE, "myhost"), Map.of(), Set.of());

        assertThatThrownBy(() -> finder.choose(null, List.of())).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("must be an IP address");
    }

    private Network network(String text) throws Exception {
        return json.readValue(text, Network.class);
    }

    private static HostRouteFinder finder(Map<String, String> env, Map<String, String> nics, Set<String> local) {
        return new HostRouteFinder(null, env, new HostRouteFinder.Interfaces() {
            @Override
            public Optional<InetAddress> ipv4Of(String name) {
                return Optional.ofNullable(nics.get(name)).map(HostRouteFinderTest::address);
            }

            @Override
            public boolean isLocal(InetAddress address) {
                return local.contains(address.getHostAddress());
            }
        });
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
