package dev.amldebug.azure;

/** Receives whole lines (several at once, each ending in '\n') from one log source. */
@FunctionalInterface
public interface LogSink {
    /** {@code source}: the file name, or "rank N" when following all ranks. */
    void lines(String source, String text);

    /** Followed, the job has no log to read yet; it is in {@code status} (Queued, Preparing, ...). Said each poll. */
    default void waiting(JobStatus status) {
    }
}
