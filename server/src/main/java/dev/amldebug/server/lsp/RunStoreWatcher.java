package dev.amldebug.server.lsp;

import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import dev.amldebug.server.tree.local.LocalTreeProvider;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the client when the run store changes behind the server's back (a run started or
 * cancelled from the command line, a reconciliation), so the tree refreshes only that experiment.
 */
final class RunStoreWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunStoreWatcher.class);

    private final RunStore store;
    private final Consumer<TreeChangedParams> notify;
    private final WatchService watcher;

    RunStoreWatcher(RunStore store, Consumer<TreeChangedParams> notify, Executor executor) throws IOException {
        this.store = store;
        this.notify = notify;
        this.watcher = FileSystems.getDefault().newWatchService();
        Files.createDirectories(store.runsDir());
        store.runsDir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        try (Stream<Path> runs = Files.list(store.runsDir())) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                watchRun(run);
            }
        }
        executor.execute(this::loop);
    }

    private void watchRun(Path runDir) throws IOException {
        // run.json is replaced by an atomic move: a create event in the run's folder.
        runDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    handle(dir, event);
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("Run store watcher stopped");
        }
    }

    private void handle(Path dir, WatchEvent<?> event) {
        if (!(event.context() instanceof Path name)) {
            return;
        }
        try {
            if (dir.equals(store.runsDir())) {
                watchRun(dir.resolve(name));
                notify.accept(new TreeChangedParams(LocalTreeProvider.EXPERIMENTS.toString()));
                // run.json may have been written before the folder was watched: look now.
                if (store.exists(name.toString())) {
                    notifyExperiment(name.toString());
                }
            } else if (name.toString().equals("run.json")) {
                notifyExperiment(dir.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignored a run store change that could not be read: {}", e.getMessage());
        }
    }

    private void notifyExperiment(String runId) {
        notify.accept(new TreeChangedParams(LocalTreeProvider.experiment(store.read(runId).experiment).toString()));
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
