package dev.amldebug.runner.distributed;

import dev.amldebug.runner.ShippedFolder;
import dev.amldebug.runner.spec.ImagePython;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher shipped in the jar ({@code aml_launcher.py}), mounted read-only in every node container: it starts
 * the node's processes, tees each to its {@code std_log_process_<rank>.txt}, and stops them all when one fails.
 */
final class Launcher {
    static final String FILE_NAME = "aml_launcher.py";
    static final String DIR = "/aml/launcher";
    /** The run's {@code logs/user_logs}, read-write. */
    static final String LOGS_DIR = "/aml/logs/user_logs";
    /** The run's {@code ranks} folder, where the launcher says how each rank ended. */
    static final String EXITS_DIR = "/aml/ranks";
    private static final ShippedFolder SHIPPED = new ShippedFolder(Launcher.class, "launcher", List.of(FILE_NAME));

    private Launcher() {
    }

    static Path folder(Path cacheDir) {
        return SHIPPED.folder(cacheDir);
    }

    /** The node container's command: the image's Python runs the launcher. */
    static List<String> command() {
        return ImagePython.command(DIR + "/" + FILE_NAME);
    }
}
