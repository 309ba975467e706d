package dev.amldebug.azure;

/**
 * Hears an upload or a download as it goes, for a progress display: its size first, then bytes as they move, then its
 * end. Called on the transferring thread; the bytes reported add up to the size given at the start.
 */
public interface TransferListener {
    TransferListener NONE = new TransferListener() {
        @Override
        public void started(String what, long totalBytes) {
        }

        @Override
        public void transferred(long bytes) {
        }

        @Override
        public void ended() {
        }
    };

    /** @param what what moves, as a sentence's start: "Uploading the code snapshot of src" */
    void started(String what, long totalBytes);

    /** {@code bytes} more bytes moved. */
    void transferred(long bytes);

    /** The transfer ended, whether or not every byte moved. */
    void ended();
}
