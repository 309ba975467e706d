package dev.amldebug.runner.spec;

import java.nio.file.Path;
import java.util.Set;
import java.nio.file.Files;

/**
 * Folders that are never a run's code: the file system's root and the system's own folders.
 * A run snapshots its code folder and mounts it into a container; of these, that would copy or
 * expose the machine itself.
 */
public final class CodeFolders {
    /** Never part of a run's code (Azure ML's snapshot leaves them out): run stores, outputs, version control,
     *  caches and local environments. */
    public static final Set<String> NOT_CODE = Set.of(".azureml", "outputs", ".git", "__pycache__", ".venv", "venv",
            "node_modules", ".ipynb_checkpoints");
    private static final Set<String> SYSTEM = Set.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc",
            "/run", "/sbin", "/sys", "/usr", "/var", "/home", "/tmp", "/opt", "/srv", "/mnt", "/media");
    private static final Set<String> SYSTEM_TREES = Set.of("/proc", "/sys", "/dev", "/etc", "/boot");

    private CodeFolders() {
    }

    /** Why {@code dir} cannot be a code folder, or null when it can. */
    public static String refusal(Path dir) {
        String what = mountRefusal(dir);
        return what == null ? null : "the code folder would be " + what
                + "; point 'code' at your project's folder (the one with the script in it)";
    }

    /**
     * What {@code path} is when it is the machine itself (the root, a system folder or a file in /etc, /proc, ...),
     * which no container may have mounted or copied; null when it is not.
     */
    public static String mountRefusal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        boolean root = absolute.getParent() == null;
        boolean system = SYSTEM.contains(absolute.toString())
                || SYSTEM_TREES.stream().anyMatch(tree -> absolute.startsWith(Path.of(tree)));
        if (!root && !system) {
            return null;
        }
        return root ? "the root of the file system"
                : (Files.isDirectory(absolute) ? "the system folder " : "the system file ") + absolute;
    }
}
