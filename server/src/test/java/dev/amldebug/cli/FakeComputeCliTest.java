package dev.amldebug.cli;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.server.testing.FakeAzure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command-line test against the fake Azure ML with real runs starts from: the fake (its jobs run in
 * containers), a folder, and the environment of a process signed in to the fake's workspace from that folder.
 */
abstract class FakeComputeCliTest {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withCompute();

    @TempDir
    Path folder;

    FakeAzureMl fake;
    Map<String, String> environment;

    @BeforeEach
    void signInToTheFake() throws Exception {
        fake = AZURE.fake();
        environment = FakeSignIn.into(fake, folder);
    }

    /** The job's name, from the {@code job: NAME} line azure submit prints. */
    static String jobName(String output) {
        return output.lines().filter(line -> line.startsWith("job: ")).findFirst()
                .orElseThrow(() -> new AssertionError(output)).substring("job: ".length());
    }

    /** One of a job's logs, as the fake's compute wrote it to the workspace storage. */
    String log(String job, String file) {
        return new String(fake.blobs().read("azureml", "ExperimentRun/dcid." + job + "/" + file), StandardCharsets.UTF_8);
    }
}
