package dev.amldebug.runner.docker;

import java.io.IOException;
import java.io.InputStream;

/** A response body that reads in blocks; single bytes are read as blocks of one. */
abstract class BodyInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
