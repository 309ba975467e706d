package dev.amldebug.server.azure;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Where the processes of a job on a compute dial back to (--connect-back HOST:PORT): this machine's debug hub, over a
 * VPN or a tunnel the user provides, for nodes that can only dial out. The hub listens on HOST when HOST is an address
 * of this machine, else on loopback at PORT, where a tunnel (ssh -R PORT:localhost:PORT) delivers.
 *
 * @param token the hub's token, which travels in the debug snapshot next to the shim (not in the job's definition)
 */
public record ConnectBack(String host, int port, String token) {
    public String address() {
        return host + ":" + port;
    }

    public ConnectBack withToken(String value) {
        return new ConnectBack(host, port, value);
    }

    /** HOST:PORT, as --connect-back takes it; no token yet. */
    public static ConnectBack parse(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw AmlDebugException.badInput("--connect-back takes HOST:PORT, the address the compute's processes reach"
                    + " this machine at (over a VPN or a tunnel), not '" + hostPort + "'.");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new ConnectBack(hostPort.substring(0, colon), port, null);
        } catch (NumberFormatException e) {
            throw AmlDebugException.badInput("--connect-back " + hostPort + ": the port must be a number from 1 to 65535.");
        }
    }

    /** The address the hub listens on: HOST when it is one of this machine's, else loopback. */
    public InetAddress bindAddress() {
        try {
            InetAddress address = InetAddress.getByName(host);
            return NetworkInterface.getByInetAddress(address) != null ? address : InetAddress.getLoopbackAddress();
        } catch (SocketException e) {
            return InetAddress.getLoopbackAddress();
        } catch (IOException e) {
            // A name this machine cannot resolve is the far end of a tunnel.
            return InetAddress.getLoopbackAddress();
        }
    }
}
