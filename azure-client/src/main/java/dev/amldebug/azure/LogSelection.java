package dev.amldebug.azure;

/** Which logs to read: one file, one rank's std_log_process_N.txt, or all of them. */
public record LogSelection(String file, Integer rank, boolean all) {
    public static LogSelection defaults() {
        return new LogSelection(null, null, false);
    }

    public static LogSelection file(String name) {
        return new LogSelection(name, null, false);
    }

    public static LogSelection rank(int rank) {
        return new LogSelection(null, rank, false);
    }

    public static LogSelection everything() {
        return new LogSelection(null, null, true);
    }
}
