package dev.amldebug.runner.run;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.CodeFolders;
import dev.amldebug.runner.spec.SnapshotIgnore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The code a run sees, as Azure ML snapshots it (what {@code .amlignore}, or else {@code .gitignore}, names stays out):
 * a copy of the code folder in the run's folder,
 * mounted read-only in the container, so that nothing is ever written into the user's folder
 * (not even the mount point for ./outputs), and an edit made during the run (editors write files
 * in place) changes neither the run nor its record. Up to Azure ML's 300 MB.
 */
public final class CodeSnapshot {
    /** Azure ML refuses snapshots past this size; so do we, for what must be copied. */
    static final long MAX_COPIED_BYTES = 300L * 1024 * 1024;
    /** Never part of a run's code: run stores, outputs, version control, caches and local environments. */
    static final Set<String> SKIPPED = CodeFolders.NOT_CODE;

    private final Path source;
    private final Path target;
    private final Predicate<Path> ignored;
    private long copiedBytes;

    private CodeSnapshot(Path source, Path target, Predicate<Path> ignored) {
        this.source = source;
        this.target = target;
        this.ignored = ignored;
    }

    /** Snapshots {@code codeDir} into {@code target}, with an empty {@code outputs} folder as the mount point. */
    public static void take(Path codeDir, Path target) {
        // As the upload to Azure ML does: the folder's .amlignore, or its .gitignore.
        CodeSnapshot snapshot = new CodeSnapshot(codeDir, target, SnapshotIgnore.of(codeDir));
        try {
            Files.walkFileTree(codeDir, snapshot.visitor());
            Files.createDirectories(target.resolve("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot the code folder " + codeDir + " into " + target, e);
        } catch (AmlDebugException e) {
            // A refused snapshot (too big, a link out) leaves nothing half-copied behind.
            RunPruner.delete(target);
            throw e;
        }
    }

    /** Copies a run's snapshot into its working folder ({@link RunStore#workingCopy}), which the script may write. */
    public static void workingCopy(Path snapshot, Path target) {
        try {
            Files.walkFileTree(snapshot, new CodeSnapshot(snapshot, target, path -> false).visitor());
            Files.createDirectories(target.resolve("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the snapshot " + snapshot + " into " + target, e);
        }
    }

    private SimpleFileVisitor<Path> visitor() {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(source) && (SKIPPED.contains(dir.getFileName().toString())
                        || ignored.test(source.relativize(dir)))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (ignored.test(source.relativize(file))) {
                    return FileVisitResult.CONTINUE;
                }
                Path copy = target.resolve(source.relativize(file));
                if (Files.isSymbolicLink(file)) {
                    refuseIfLeaving(file);
                    Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    copy(file, copy, attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Unreadable to us, so unreadable to the run as well: it is simply not in the snapshot.
                return FileVisitResult.CONTINUE;
            }
        };
    }

    /** As the cloud upload does: a link out of the code folder is no part of the code, and says so. */
    private void refuseIfLeaving(Path link) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        Path resolved = Files.exists(target) ? target.toRealPath() : target;
        if (!resolved.startsWith(source.toRealPath()) && !resolved.startsWith(source)) {
            throw AmlDebugException.badInput("The code folder " + source + " has a link that leads out of it: "
                    + source.relativize(link) + " -> " + resolved + ". Remove it, or copy what it points to into the"
                    + " folder (or pass it as an input).");
        }
    }

    private void copy(Path file, Path copy, long size) throws IOException {
        copiedBytes += size;
        if (copiedBytes > MAX_COPIED_BYTES) {
            throw AmlDebugException.badInput("The code folder " + source + " holds more than 300 MB (Azure ML's snapshot"
                    + " limit): move data out of it and pass it as an input instead.");
        }
        Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
