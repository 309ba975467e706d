package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Connects to debugpy, retrying until the target's deadline. A connection that closes before
 * debugpy said anything does not count: Docker accepts on a published port before the
 * container listens, then drops the connection.
 */
final class DebuggeeConnector {
    private static final long RETRY_MILLIS = 100;

    private final BridgeTarget target;
    private final Consumer<DebuggeeLink> onConnect;
    private final Predicate<DebuggeeLink> pump;
    private final BooleanSupplier stopped;
    private final Consumer<String> onGiveUp;

    /** @param stopped whether nobody needs debugpy any more (the session ended): then it stops trying */
    DebuggeeConnector(BridgeTarget target, Consumer<DebuggeeLink> onConnect, Predicate<DebuggeeLink> pump,
                      BooleanSupplier stopped, Consumer<String> onGiveUp) {
        this.target = target;
        this.onConnect = onConnect;
        this.pump = pump;
        this.stopped = stopped;
        this.onGiveUp = onGiveUp;
    }

    void run() {
        Instant deadline = Instant.now().plus(target.connectTimeout());
        String lastError = "nothing answered";
        while (Instant.now().isBefore(deadline)) {
            try (DebuggeeLink link = DebuggeeLink.open(target, 1000)) {
                onConnect.accept(link);
                if (pump.test(link)) {
                    return;
                }
                lastError = "the connection closed before debugpy answered";
            } catch (IOException e) {
                lastError = e.getMessage();
            }
            if (stopped.getAsBoolean() || !pause()) {
                return;
            }
        }
        onGiveUp.accept("Could not reach debugpy at " + target.address() + " within "
                + target.connectTimeout().toSeconds() + " s (" + lastError + "). " + advice(target.host()));
    }

    /** A local container's debugpy is published on loopback; any other address is a compute node's. */
    static String advice(String host) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
            return "Is the run still starting, or has it ended? Check its driver log.";
        }
        return "The compute must be reachable from this machine: run inside the compute's virtual network, over a VPN"
                + " into it, or on a compute instance in it; and check that the job is still running.";
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
