package dev.amldebug.server.tree.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Azure ML v2 environment definitions in a workspace folder: YAML files with a top-level image or build. */
final class EnvironmentFiles {
    private static final int MAX_DEPTH = 4;
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "runs", "target", "outputs", ".venv");
    private static final Pattern TOP_LEVEL_ENV = Pattern.compile("(?m)^(image|build):");
    private static final Pattern TOP_LEVEL_JOB = Pattern.compile("(?m)^(command|jobs|script):");

    private EnvironmentFiles() {
    }

    static List<Path> find(Path workspace) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(workspace, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if ((name.endsWith(".yml") || name.endsWith(".yaml")) && isEnvironment(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + workspace + " for environments", e);
        }
        found.sort(null);
        return found;
    }

    private static boolean isEnvironment(Path file) {
        try {
            String text = Files.readString(file);
            return TOP_LEVEL_ENV.matcher(text).find() && !TOP_LEVEL_JOB.matcher(text).find();
        } catch (IOException e) {
            return false;
        }
    }
}
