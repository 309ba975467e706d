package dev.amldebug.server.run;

import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Who hears of every run the service starts (the language server does): a listener each per run, as it is queued. */
final class RunWatchers {
    private final List<Function<RunRecord, RunListener>> watchers = new CopyOnWriteArrayList<>();

    void add(Function<RunRecord, RunListener> watcher) {
        watchers.add(watcher);
    }

    /** The watchers' listeners for the run, then {@code listener}, as one; each hears the queued run at once. */
    RunListener listeners(RunRecord queued, RunListener listener) {
        List<RunListener> each = new ArrayList<>();
        watchers.forEach(watcher -> each.add(watcher.apply(queued)));
        each.add(listener);
        RunListeners all = new RunListeners(each);
        all.statusChanged(queued);
        return all;
    }
}
