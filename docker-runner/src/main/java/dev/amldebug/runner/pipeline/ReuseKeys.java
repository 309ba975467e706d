package dev.amldebug.runner.pipeline;

import dev.amldebug.runner.image.EnvironmentHasher;
import dev.amldebug.runner.spec.CodeFolders;
import dev.amldebug.runner.spec.SnapshotIgnore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** The hash behind {@link PipelineStep#reuseKey}: equal keys mean the step would compute the same outputs. */
public final class ReuseKeys {
    private static final String VERSION = "1";

    private ReuseKeys() {
    }

    /**
     * A step's outputs as they are on disk (sorted paths and bytes): recorded when the step completes, and compared
     * before its outputs are reused, so that outputs deleted or edited since are never passed on as the step's.
     */
    public static String outputs(Path folder) {
        MessageDigest digest = sha256();
        update(digest, "version", VERSION);
        if (Files.isDirectory(folder)) {
            hashFiles(digest, "outputs", folder, false);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(PipelineStep step, Function<String, String> upstreamStepKeys) {
        MessageDigest digest = sha256();
        update(digest, "version", VERSION);
        update(digest, "command", step.command());
        update(digest, "environment", new EnvironmentHasher().hash(step.environment(), null));
        new TreeMap<>(step.environmentVariables()).forEach((name, value) -> update(digest, "variable " + name, value));
        step.outputNames().forEach(output -> update(digest, "output", output));
        hashFiles(digest, "code", step.codeDir(), true);
        for (Map.Entry<String, StepInput> input : new TreeMap<>(step.inputs()).entrySet()) {
            String name = "input " + input.getKey();
            if (input.getValue() instanceof StepInput.Literal literal) {
                update(digest, name, "literal " + literal.value());
            } else if (input.getValue() instanceof StepInput.LocalPath local) {
                update(digest, name, local.type());
                hashFiles(digest, name, local.path(), false);
            } else {
                StepInput.StepOutput output = (StepInput.StepOutput) input.getValue();
                String key = upstreamStepKeys.apply(output.step());
                if (key == null) {
                    throw new IllegalStateException("no reuse key given for step " + output.step());
                }
                update(digest, name, "step " + key + " output " + output.output());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Sorted relative paths and bytes; a code folder leaves out what the snapshot leaves out. */
    private static void hashFiles(MessageDigest digest, String what, Path root, boolean code) {
        List<Path> files = new ArrayList<>();
        Predicate<Path> ignored = code ? SnapshotIgnore.of(root) : path -> false;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skipped = code && !dir.equals(root) && (CodeFolders.NOT_CODE.contains(dir.getFileName().toString())
                            || ignored.test(root.relativize(dir)));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!ignored.test(root.relativize(file))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable: not in the snapshot either
                }
            });
            files.sort(null);
            for (Path file : files) {
                update(digest, what + " file", root.relativize(file).toString().replace('\\', '/'));
                if (Files.isSymbolicLink(file)) {
                    update(digest, "link", Files.readSymbolicLink(file).toString());
                } else if (Files.isRegularFile(file)) {
                    byte[] bytes = Files.readAllBytes(file);
                    update(digest, "size", String.valueOf(bytes.length));
                    digest.update(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + " to decide whether the step can be reused", e);
        }
    }

    private static void update(MessageDigest digest, String key, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((key + "=" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
