package dev.amldebug.cli.progress;

import java.time.Duration;

/** Sizes and times as the console writes them. */
public final class Amounts {
    private Amounts() {
    }

    /** "512 KB", "3.4 MB", "1.25 GB". */
    public static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** The unit a bar of {@code totalBytes} counts in, and its size. */
    static String unit(long totalBytes) {
        return totalBytes >= 1024L * 1024 * 1024 ? "GB" : totalBytes >= 1024 * 1024 ? "MB" : "KB";
    }

    static long unitSize(String unit) {
        return switch (unit) {
            case "GB" -> 1024L * 1024 * 1024;
            case "MB" -> 1024L * 1024;
            default -> 1024L;
        };
    }
}
