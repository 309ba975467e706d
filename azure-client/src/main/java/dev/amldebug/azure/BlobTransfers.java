package dev.amldebug.azure;

import com.azure.core.util.Context;
import com.azure.core.util.ProgressListener;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobDownloadToFileOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * Blob uploads and downloads of whole files that tell a {@link TransferListener} their bytes. The SDK reports each
 * blob's bytes so far (lower again when it retries); the listener hears only what is new, and once a file is done,
 * whatever the SDK did not report, so the bytes add up to the files' sizes.
 */
final class BlobTransfers {
    private static final Set<OpenOption> OVERWRITE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE, StandardOpenOption.READ);

    private BlobTransfers() {
    }

    /** The bytes of {@code files} under {@code root}. */
    static long size(Path root, List<String> files) {
        return files.stream().mapToLong(relative -> size(root.resolve(relative))).sum();
    }

    /** Uploads {@code file} over the blob, replacing it. */
    static void upload(BlobClient blob, Path file, TransferListener listener) {
        Counter counter = new Counter(listener);
        blob.uploadFromFileWithResponse(new BlobUploadFromFileOptions(file.toString())
                .setParallelTransferOptions(new ParallelTransferOptions().setProgressListener(counter)), null, Context.NONE);
        counter.doneAt(size(file));
    }

    /** 0 for a file that cannot be read: its upload says why. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Downloads the blob ({@code size} bytes) to {@code file}, replacing it. */
    static void download(BlobClient blob, String file, long size, TransferListener listener) {
        Counter counter = new Counter(listener);
        blob.downloadToFileWithResponse(new BlobDownloadToFileOptions(file).setOpenOptions(OVERWRITE)
                .setParallelTransferOptions(new com.azure.storage.common.ParallelTransferOptions().setProgressListener(counter)),
                null, Context.NONE);
        counter.doneAt(size);
    }

    /** One blob's bytes: what the SDK reports so far, passed on as what is new. */
    static final class Counter implements ProgressListener {
        private final TransferListener listener;
        private long reported;

        Counter(TransferListener listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void handleProgress(long progress) {
            if (progress > reported) {
                listener.transferred(progress - reported);
                reported = progress;
            }
        }

        synchronized void doneAt(long size) {
            handleProgress(size);
        }
    }
}
