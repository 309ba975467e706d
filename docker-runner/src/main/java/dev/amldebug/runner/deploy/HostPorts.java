package dev.amldebug.runner.deploy;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The host port a deployment's scoring endpoint is published on, on 127.0.0.1. */
public final class HostPorts {
    public static final int DEFAULT_SCORING_PORT = 8000;

    private HostPorts() {
    }

    /** A pinned port that is taken is an error; the default port, when taken, gives way to a free one. */
    public static int scoring(Integer pinned) {
        if (pinned != null) {
            if (pinned < 1 || pinned > 65535) {
                throw AmlDebugException.badInput("Port " + pinned + " is not a TCP port: give a number from 1 to 65535.");
            }
            if (!isFree(pinned)) {
                throw AmlDebugException.badInput("Port " + pinned + " on 127.0.0.1 is in use: choose another with --port,"
                        + " or leave it out to get " + DEFAULT_SCORING_PORT + " or a free port.");
            }
            return pinned;
        }
        return isFree(DEFAULT_SCORING_PORT) ? DEFAULT_SCORING_PORT : free();
    }

    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int free() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw AmlDebugException.environment("No free port on 127.0.0.1 for the scoring endpoint.", e);
        }
    }
}
