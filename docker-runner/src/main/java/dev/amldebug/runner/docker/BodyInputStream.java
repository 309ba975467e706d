package dev.amldebug.runner.docker;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body: reads in blocks (single bytes as blocks of one), and closing it closes its
 * connection, since docker-java closes only the body of most responses.
 */
abstract class BodyInputStream extends InputStream {
    private final AutoCloseable connection;

    BodyInputStream(AutoCloseable connection) {
        this.connection = connection;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public void close() {
        UnixSocketHttpClient.closeQuietly(connection);
    }
}
