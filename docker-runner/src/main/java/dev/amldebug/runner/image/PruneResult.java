package dev.amldebug.runner.image;

import java.util.List;

/** What a prune removed, what it kept because a container uses it, and the space freed. */
public record PruneResult(List<ManagedImage> removed, List<ManagedImage> keptInUse, long bytesFreed) {
}
