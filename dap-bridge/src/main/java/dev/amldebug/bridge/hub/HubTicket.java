package dev.amldebug.bridge.hub;

/**
 * Lets a session in another process on this machine take one debuggee of the hub: it dials
 * 127.0.0.1:{@code port} and says {@code ticket} on one line. Good for one connection.
 */
public record HubTicket(int port, String ticket) {
    @Override
    public String toString() {
        return "HubTicket[port=" + port + "]";
    }
}
