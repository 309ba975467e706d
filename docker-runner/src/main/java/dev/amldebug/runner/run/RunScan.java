package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The store's run folders, each read once: the runs, newest first, and those whose run.json cannot be read
 * (truncated, edited by hand). Folders without a run.json, or whose name is no run id, are skipped.
 */
record RunScan(List<RunRecord> runs, List<BrokenRunException> broken) {
    static RunScan of(RunStore store) {
        List<RunRecord> runs = new ArrayList<>();
        List<BrokenRunException> broken = new ArrayList<>();
        for (String id : ids(store)) {
            try {
                runs.add(store.read(id));
            } catch (BrokenRunException e) {
                // One bad file must never block the workspace: it is named, and the others are read.
                broken.add(e);
            }
        }
        runs.sort(Comparator.comparing((RunRecord r) -> r.createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .reversed());
        return new RunScan(runs, broken);
    }

    private static List<String> ids(RunStore store) {
        Path runsDir = store.runsDir();
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runsDir)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(RunStore::isRunId).filter(store::exists).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
    }
}
