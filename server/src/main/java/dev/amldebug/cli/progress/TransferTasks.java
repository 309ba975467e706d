package dev.amldebug.cli.progress;

import dev.amldebug.azure.TransferListener;

/** An upload's or a download's bytes as a {@link Progress#bytes} task. */
final class TransferTasks implements TransferListener {
    private final Progress progress;
    private Progress.Task task;

    TransferTasks(Progress progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void started(String what, long totalBytes) {
        ended();
        task = progress.bytes(what, totalBytes);
    }

    @Override
    public synchronized void transferred(long bytes) {
        if (task != null) {
            task.add(bytes);
        }
    }

    @Override
    public synchronized void ended() {
        if (task != null) {
            task.close();
            task = null;
        }
    }
}
