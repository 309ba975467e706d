package dev.amldebug.azure;

import java.net.URI;

/** A log of a job: its name (user_logs/std_log.txt) and its signed URL, which must never be printed. */
public record LogFile(String name, URI url) {
    @Override
    public String toString() {
        return name;
    }
}
