package dev.amldebug.azure;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.time.Duration;

/** A wait that doubles from {@code first} up to {@code max}, and starts again after {@link #reset()}. */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    void reset() {
        next = first;
    }

    static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmlDebugException(ErrorKind.ENVIRONMENT, "Interrupted while waiting for Azure ML.");
        }
    }
}
