package dev.amldebug.runner.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The process that watches a run. A pid alone can be reused, so its start time is recorded too. */
final class RunOwner {
    private RunOwner() {
    }

    static void claim(RunRecord record) {
        ProcessHandle self = ProcessHandle.current();
        record.ownerPid = self.pid();
        record.ownerStartedAt = self.info().startInstant().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
    }

    static boolean isAlive(RunRecord record) {
        if (record.ownerPid == null) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(record.ownerPid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return record.ownerStartedAt == null || started.isEmpty()
                || started.get().truncatedTo(ChronoUnit.SECONDS).equals(record.ownerStartedAt);
    }

    static boolean isSelf(RunRecord record) {
        return record.ownerPid != null && record.ownerPid == ProcessHandle.current().pid();
    }
}
