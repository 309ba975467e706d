package dev.amldebug.bridge.target;

import dev.amldebug.errors.AmlDebugException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Remote attach goes to loopback and private addresses only, unless the user says otherwise:
 * a debugger on a public address would hand the code and its data to whoever answers there.
 * Link-local addresses are refused too: 169.254.169.254 is the cloud metadata service, and
 * nothing a user debugs lives on a link-local address.
 */
public final class AddressPolicy {
    private static final String ALLOW = " If you mean it, allow it explicitly (--allow-public, or \"allowPublic\": true).";

    private AddressPolicy() {
    }

    /** @throws AmlDebugException (bad input) with what to do, for an address that needs {@code allowPublic} */
    public static void check(String host, boolean allowPublic) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw AmlDebugException.badInput("Cannot resolve host '" + host + "': check the name, or give its address.");
        }
        if (allowPublic) {
            return;
        }
        String named = host + " (" + address.getHostAddress() + ")";
        if (address.isAnyLocalAddress()) {
            throw AmlDebugException.badInput(named + " is the wildcard address, which names no machine: give the"
                    + " address where debugpy listens, such as 127.0.0.1 or the node's private address.");
        }
        if (address.isLinkLocalAddress()) {
            throw AmlDebugException.badInput(named + " is a link-local address (169.254.169.254 is the cloud metadata"
                    + " service); aml-debug does not attach there." + ALLOW);
        }
        if (!isPrivate(address)) {
            throw AmlDebugException.badInput(named + " is a public address. aml-debug attaches to loopback and"
                    + " private addresses only, so that code and data do not cross the internet unprotected." + ALLOW);
        }
    }

    /** A TCP port, or an error that says what a port is. */
    public static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw AmlDebugException.badInput("Port " + port + " is not a TCP port: give a number from 1 to 65535.");
        }
        return port;
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || uniqueLocalV6;
    }
}
