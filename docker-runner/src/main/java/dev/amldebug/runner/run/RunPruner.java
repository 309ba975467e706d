package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Removes old runs from the run store: never one that is still going, never one of the newest {@code keep}. */
public final class RunPruner {
    private final RunStore store;

    public RunPruner(RunStore store) {
        this.store = store;
    }

    /**
     * @param olderThan remove runs that ended longer ago than this; null for any age
     * @param keep      the number of newest runs that are kept whatever their age
     * @return the runs removed, newest first
     */
    public List<RunRecord> prune(Duration olderThan, int keep) {
        Instant cutoff = olderThan == null ? Instant.MAX : Instant.now().minus(olderThan);
        List<RunRecord> runs = store.list();
        List<RunRecord> removed = new ArrayList<>();
        for (int i = keep; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            Instant ended = run.endedAt != null ? run.endedAt : run.createdAt;
            if (!run.isActive() && ended != null && ended.isBefore(cutoff)) {
                delete(store.dir(run.id));
                removed.add(run);
            }
        }
        return removed;
    }

    /** Removes a run folder; links inside it (outputs a run wrote, its snapshot) are removed, never followed. */
    static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
