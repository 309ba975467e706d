package dev.amldebug.runner.deploy;

import dev.amldebug.runner.ShippedFolder;
import dev.amldebug.runner.spec.ImagePython;
import java.nio.file.Path;
import java.util.List;

/**
 * Our stand-in for Azure ML's inference server (aml_scoring_server.py, standard library only),
 * shipped in the jar and mounted read-only at {@link #DIR}. It serves on {@link #PORT}, as Azure
 * ML's does; Docker publishes that port on 127.0.0.1.
 */
public final class ScoringServer {
    public static final String FILE_NAME = "aml_scoring_server.py";
    public static final String DIR = "/aml/scoring";
    public static final String APP_ROOT = "/var/azureml-app";
    public static final int PORT = 5001;
    /** Exit code of a server whose scoring script could not start (init() raised, init or run missing). */
    public static final int EXIT_SCRIPT_FAILED = 3;
    private static final ShippedFolder SHIPPED = new ShippedFolder(ScoringServer.class, "scoring", List.of(FILE_NAME));

    private ScoringServer() {
    }

    public static Path folder(Path cacheDir) {
        return SHIPPED.folder(cacheDir);
    }

    /** The server's command line in the container. */
    public static List<String> command() {
        return ImagePython.command(DIR + "/" + FILE_NAME, "--port", Integer.toString(PORT));
    }
}
