package dev.amldebug.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import dev.amldebug.errors.AmlDebugException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where containers of the engine reach this machine, on any engine:
 * <ol>
 * <li>{@code AML_DEBUG_HOST_ADDRESS}, when the user says it (a remote or rootless engine);</li>
 * <li>Docker Desktop: loopback, which Desktop's own {@code host.docker.internal} forwards to;</li>
 * <li>an engine on this machine (Docker Engine, Podman): the default bridge's address here. Its gateway field when
 * the engine fills it in; a freshly started Docker Engine 20.10 leaves it out, so then the bridge interface's own
 * IPv4 address ({@code docker0}), or the first address of the bridge's subnet when this machine holds it.</li>
 * </ol>
 */
public final class HostRouteFinder {
    public static final String VARIABLE = "AML_DEBUG_HOST_ADDRESS";
    private static final List<String> DEFAULT_NETWORKS = List.of("bridge", "podman");
    private static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

    /** This machine's network interfaces (a seam for tests). */
    public interface Interfaces {
        Optional<InetAddress> ipv4Of(String interfaceName);

        boolean isLocal(InetAddress address);
    }

    private final DockerClient docker;
    private final Map<String, String> environment;
    private final Interfaces interfaces;

    public HostRouteFinder(DockerClient docker) {
        this(docker, System.getenv(), new MachineInterfaces());
    }

    public HostRouteFinder(DockerClient docker, Map<String, String> environment, Interfaces interfaces) {
        this.docker = docker;
        this.environment = environment;
        this.interfaces = interfaces;
    }

    public HostRoute find() {
        if (override().isPresent()) {
            return choose(null, List.of());
        }
        Info info = docker.infoCmd().exec();
        List<Network> bridges = DEFAULT_NETWORKS.stream().map(this::inspect).flatMap(Optional::stream).toList();
        return choose(info.getOperatingSystem(), bridges);
    }

    /** The route, from the engine's operating system (as {@code docker info} names it) and its default bridges. */
    HostRoute choose(String operatingSystem, List<Network> bridges) {
        Optional<String> override = override();
        if (override.isPresent()) {
            return HostRoute.direct(parse(override.get()), VARIABLE + "=" + override.get());
        }
        if (operatingSystem != null && operatingSystem.contains("Docker Desktop")) {
            return new HostRoute(InetAddress.getLoopbackAddress(), Optional.empty(),
                    "Docker Desktop forwards host.docker.internal to this machine's loopback");
        }
        return bridges.stream().map(this::onBridge).flatMap(Optional::stream).findFirst().orElseThrow(() ->
                AmlDebugException.environment("Could not find an address of this machine that containers reach: the"
                        + " engine's default bridge has no address here (a remote or rootless engine, or one in a VM)."
                        + " Set " + VARIABLE + " to an address of this machine that the engine's containers can reach.",
                        null));
    }

    private Optional<String> override() {
        return Optional.ofNullable(environment.get(VARIABLE)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private Optional<HostRoute> onBridge(Network network) {
        List<Network.Ipam.Config> configs = network.getIpam() == null || network.getIpam().getConfig() == null
                ? List.of() : network.getIpam().getConfig();
        for (Network.Ipam.Config config : configs) {
            if (config.getGateway() != null && isIpv4(config.getGateway())) {
                InetAddress gateway = parse(config.getGateway());
                if (interfaces.isLocal(gateway)) {
                    return Optional.of(HostRoute.direct(gateway, "the gateway of network " + network.getName()));
                }
            }
        }
        String bridge = network.getOptions() == null ? null : network.getOptions().get(BRIDGE_NAME_OPTION);
        if (bridge != null) {
            Optional<InetAddress> address = interfaces.ipv4Of(bridge);
            if (address.isPresent()) {
                return Optional.of(HostRoute.direct(address.get(), "the address of interface " + bridge));
            }
        }
        for (Network.Ipam.Config config : configs) {
            Optional<InetAddress> first = firstAddress(config.getSubnet());
            if (first.isPresent() && interfaces.isLocal(first.get())) {
                return Optional.of(HostRoute.direct(first.get(), "the first address of subnet " + config.getSubnet()));
            }
        }
        return Optional.empty();
    }

    private Optional<Network> inspect(String name) {
        try {
            return Optional.of(docker.inspectNetworkCmd().withNetworkId(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** 172.17.0.0/16 -> 172.17.0.1: where Docker and Podman put a bridge's own address unless told otherwise. */
    static Optional<InetAddress> firstAddress(String subnet) {
        if (subnet == null || !subnet.contains("/") || !isIpv4(subnet.substring(0, subnet.indexOf('/')))) {
            return Optional.empty();
        }
        byte[] bytes = parse(subnet.substring(0, subnet.indexOf('/'))).getAddress();
        bytes[3] = (byte) (bytes[3] | 1);
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isIpv4(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static InetAddress parse(String address) {
        if (!isIpv4(address) && !address.contains(":")) {
            throw AmlDebugException.badInput(VARIABLE + " must be an IP address of this machine, found: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw AmlDebugException.badInput("Not an IP address: " + address + ". " + VARIABLE
                    + " must be an IP address of this machine.");
        }
    }

    /** The interfaces of the machine this process runs on. */
    static final class MachineInterfaces implements Interfaces {
        @Override
        public Optional<InetAddress> ipv4Of(String interfaceName) {
            try {
                NetworkInterface nic = NetworkInterface.getByName(interfaceName);
                return nic == null ? Optional.empty() : Collections.list(nic.getInetAddresses()).stream()
                        .filter(Inet4Address.class::isInstance).findFirst();
            } catch (SocketException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isLocal(InetAddress address) {
            try {
                return NetworkInterface.getByInetAddress(address) != null;
            } catch (SocketException e) {
                return false;
            }
        }
    }
}
