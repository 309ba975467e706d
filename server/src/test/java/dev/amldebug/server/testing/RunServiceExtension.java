package dev.amldebug.server.testing;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;

import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.run.RunService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A run service for each test, on a workspace and an image cache of the test's own, with the tests' Docker engine
 * and base image: {@code @RegisterExtension final RunServiceExtension local = new RunServiceExtension();}, next to
 * {@code @ExtendWith(DockerResources.class)}.
 */
public final class RunServiceExtension implements BeforeEachCallback {
    /** Runs' followers outlive a test that leaves its run to be cancelled: one pool for all tests, as before. */
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    private Path cache;
    private RunService runs;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path workspace = TempFolder.create(context, "aml-debug-workspace");
        cache = TempFolder.create(context, "aml-debug-image-cache");
        runs = new RunService(new RunStore(workspace), BASE_IMAGE, DockerResources::docker, new ImageUsage(cache), EXECUTOR);
    }

    public RunService runs() {
        return runs;
    }

    /** The pool the service runs on, for the test's own blocking work beside it. */
    public ExecutorService executor() {
        return EXECUTOR;
    }

    /** The image cache's folder, for a runner of the test's own beside the service. */
    public Path cache() {
        return cache;
    }
}
