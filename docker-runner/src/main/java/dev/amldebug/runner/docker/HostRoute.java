package dev.amldebug.runner.docker;

import java.net.InetAddress;
import java.util.Optional;

/**
 * How containers of the engine reach a listener of this machine (the debug hub): the address it binds, and the
 * {@code /etc/hosts} entry the containers get, if any, so that {@link #HOST_NAME} leads to it.
 *
 * @param listen    where the listener binds on this machine
 * @param extraHost {@code host.docker.internal:ADDRESS} for the containers; empty where the engine provides the name
 *                  itself (Docker Desktop)
 * @param how       how it was found, for the control log
 */
public record HostRoute(InetAddress listen, Optional<String> extraHost, String how) {
    /** The name containers dial. */
    public static final String HOST_NAME = "host.docker.internal";

    /** A route where containers dial {@code address}, an address of this machine, as {@link #HOST_NAME}. */
    static HostRoute direct(InetAddress address, String how) {
        return new HostRoute(address, Optional.of(HOST_NAME + ":" + address.getHostAddress()), how);
    }
}
