package dev.amldebug.runner.image;

import java.time.Instant;

/** An image aml-debug built, as {@code images list} shows it. */
public record ManagedImage(String id, String tag, String hash, String environment, long sizeBytes,
                           Instant created, Instant lastUsed, boolean inUse) {
}
