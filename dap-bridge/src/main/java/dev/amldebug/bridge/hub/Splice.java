package dev.amldebug.bridge.hub;

import dev.amldebug.bridge.target.DebuggeeDialer.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Executor;

/** Joins two connections byte for byte, both ways, until either ends; then closes both. */
final class Splice {
    private Splice() {
    }

    static void join(Connection a, Connection b, Executor executor) {
        Runnable end = () -> {
            Arrivals.closeQuietly(a.closer());
            Arrivals.closeQuietly(b.closer());
        };
        executor.execute(() -> copy(a.in(), b.out(), end));
        executor.execute(() -> copy(b.in(), a.out(), end));
    }

    private static void copy(InputStream from, OutputStream to, Runnable end) {
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // One side went away: the splice ends either way.
        } finally {
            end.run();
        }
    }
}
