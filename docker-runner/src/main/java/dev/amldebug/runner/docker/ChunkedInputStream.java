package dev.amldebug.runner.docker;

import java.io.IOException;
import java.io.InputStream;

/** The body of a chunked HTTP/1.1 response, as the bytes it carries: how the engine streams logs and builds. */
final class ChunkedInputStream extends BodyInputStream {
    private final InputStream in;
    private long leftInChunk;
    private boolean ended;

    ChunkedInputStream(InputStream in, AutoCloseable connection) {
        super(connection);
        this.in = in;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (leftInChunk == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, leftInChunk));
        if (n < 0) {
            throw new IOException("the connection closed in the middle of a chunk");
        }
        leftInChunk -= n;
        if (leftInChunk == 0) {
            HttpResponse.line(in);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return ended ? 0 : (int) Math.min(leftInChunk, in.available());
    }

    /** @return false at the last chunk */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String size = HttpResponse.line(in);
        int extension = size.indexOf(';');
        try {
            leftInChunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("a chunk size that is no number: '" + size + "'", e);
        }
        if (leftInChunk == 0) {
            ended = true;
            for (String trailer = HttpResponse.line(in); !trailer.isEmpty(); trailer = HttpResponse.line(in)) {
                // Trailers carry nothing the engine's clients need.
            }
            return false;
        }
        return true;
    }
}
