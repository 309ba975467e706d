package dev.amldebug.server.run;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.Distribution;
import dev.amldebug.runner.spec.RunSpec;

/** Which debugging a run request may ask for: listen mode for one process, rank debugging for a distributed job. */
final class DistributedRequests {
    private DistributedRequests() {
    }

    static void check(RunRequest request, RunSpec spec) {
        Distribution distribution = spec.distribution();
        if (distribution != null && request.debug() != null && request.detach()) {
            throw AmlDebugException.badInput("A distributed run's ranks are debugged through a debug hub in this process:"
                    + " run it in the foreground (without --detach) to debug it.");
        }
        if (distribution == null && !request.debugRanks().isEmpty()) {
            throw AmlDebugException.badInput(spec.source() + " runs one process: --debug-ranks is for jobs with a"
                    + " distribution. Debug it with --debug instead.");
        }
        if (distribution != null) {
            request.debugRanks().stream().filter(rank -> rank < 0 || rank >= distribution.worldSize()).findFirst()
                    .ifPresent(rank -> {
                        throw AmlDebugException.badInput("There is no rank " + rank + ": " + spec.source() + " runs ranks"
                                + " 0 to " + (distribution.worldSize() - 1) + ".");
                    });
        }
        if (distribution == null && request.rankDebug() != null) {
            throw AmlDebugException.badInput(spec.source() + " runs one process: ranks are for jobs with a"
                    + " distribution. Debug it with --debug instead.");
        }
        if (distribution != null && request.rankDebug() != null) {
            request.rankDebug().ranks().stream().filter(rank -> rank < 0 || rank >= distribution.worldSize()).findFirst()
                    .ifPresent(rank -> {
                        throw AmlDebugException.badInput("There is no rank " + rank + ": " + spec.source() + " runs ranks"
                                + " 0 to " + (distribution.worldSize() - 1) + ".");
                    });
        }
    }
}
