package dev.amldebug.azurefake.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Faults queued for the next requests whose path contains a given text ("" for any request), each answered once. */
public final class Faults {
    private record Queued(String pathContains, Fault fault) {
    }

    private final List<Queued> queue = new ArrayList<>();

    public synchronized void add(String pathContains, Fault fault) {
        queue.add(new Queued(pathContains == null ? "" : pathContains, fault));
    }

    public synchronized Optional<Fault> take(String path) {
        for (int i = 0; i < queue.size(); i++) {
            if (path.contains(queue.get(i).pathContains)) {
                return Optional.of(queue.remove(i).fault);
            }
        }
        return Optional.empty();
    }

    public synchronized int pending() {
        return queue.size();
    }

    public synchronized void clear() {
        queue.clear();
    }
}
