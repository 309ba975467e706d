package dev.amldebug.bridge;

import dev.amldebug.errors.AmlDebugException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Remote attach goes to loopback and private addresses only, unless the user says otherwise:
 * a debugger on a public address would hand the code and its data to whoever answers there.
 */
public final class AddressPolicy {
    private AddressPolicy() {
    }

    /** @throws AmlDebugException (bad input) with what to do, for a public address without {@code allowPublic} */
    public static void check(String host, boolean allowPublic) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw AmlDebugException.badInput("Cannot resolve host '" + host + "': check the name, or give its address.");
        }
        if (!allowPublic && !isPrivate(address)) {
            throw AmlDebugException.badInput(host + " (" + address.getHostAddress() + ") is a public address."
                    + " aml-debug attaches to loopback and private addresses only, so that code and data do not"
                    + " cross the internet unprotected. If you mean it, allow it explicitly (--allow-public).");
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || uniqueLocalV6;
    }
}
