package dev.amldebug.runner.spec;

import java.nio.file.Path;

/** A local file or folder that a run reads, mounted read-only at {@code containerPath}. */
public record InputMount(String name, Path hostPath, String containerPath) {
}
