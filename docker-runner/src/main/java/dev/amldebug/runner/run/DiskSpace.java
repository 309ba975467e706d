package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A full disk under the run store: recognised, and room made to record the run's end. What the run wrote is kept but
 * for the last {@link #ROOM} bytes of its driver log, which give way so that run.json and the control log can say
 * what happened; a run that stays Running forever, with its container, would be worse.
 */
final class DiskSpace {
    /** Enough for run.json and a few control log lines. */
    static final long ROOM = 64 * 1024;

    private DiskSpace() {
    }

    static boolean isFull(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("No space left")) {
                return true;
            }
        }
        return false;
    }

    /** Drops the last {@link #ROOM} bytes of {@code log}; returns how many went. */
    static long makeRoom(Path log) {
        try (FileChannel file = FileChannel.open(log, StandardOpenOption.WRITE)) {
            long size = file.size();
            long dropped = Math.min(ROOM, size);
            file.truncate(size - dropped);
            return dropped;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot shorten " + log + " to make room", e);
        }
    }

    /** The sentence a run ends with when its folder filled up. */
    static String sentence(Path runsFolder) {
        return "no space left on " + runsFolder + " (the device of the run store): free space there; the driver log"
                + " stops where the disk filled up";
    }
}
