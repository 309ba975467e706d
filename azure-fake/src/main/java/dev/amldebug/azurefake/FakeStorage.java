package dev.amldebug.azurefake;

import dev.amldebug.azurefake.blobs.Azurite;
import dev.amldebug.azurefake.blobs.BlobPassThrough;
import dev.amldebug.azurefake.blobs.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The workspace storage: Azurite behind the fake's HTTPS pass-through, started on first need. */
final class FakeStorage implements AutoCloseable {
    private final AtomicInteger pendingUploads = new AtomicInteger();
    private Azurite azurite;
    private BlobPassThrough passThrough;
    private BlobStore blobs;

    synchronized BlobStore blobs() {
        if (blobs == null) {
            try {
                azurite = Azurite.start();
                passThrough = new BlobPassThrough("http://127.0.0.1:" + azurite.port());
                blobs = new BlobStore(azurite.blobEndpoint(), passThrough.origin() + "/" + Azurite.ACCOUNT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return blobs;
    }

    synchronized boolean started() {
        return blobs != null;
    }

    /** Where every account's blobs are, at {@code <endpoint>/<account>} as in Azurite. Starts Azurite. */
    String endpoint() {
        String account = blobs().containerUrl("x");
        return account.substring(0, account.length() - ("/" + Azurite.ACCOUNT + "/x").length());
    }

    void countPendingUpload() {
        pendingUploads.incrementAndGet();
    }

    int pendingUploads() {
        return pendingUploads.get();
    }

    long bytesServed() {
        return passThrough == null ? 0 : passThrough.bytesServed();
    }

    List<String> ranges() {
        return passThrough == null ? List.of() : passThrough.ranges();
    }

    void resetCounters() {
        if (passThrough != null) {
            passThrough.resetCounters();
        }
    }

    @Override
    public synchronized void close() {
        if (passThrough != null) {
            passThrough.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }
}
