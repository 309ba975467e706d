package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.server.testing.FakeAzure;
import java.nio.file.Path;
import java.util.Map;

/** The environment that points the CLI at a fake Azure ML service, and its workspace chosen for a folder. */
final class FakeSignIn {
    private FakeSignIn() {
    }

    /** The variables a jar process needs (the stand-in az written for this fake); the folder's .azureml/config.json names the fake's workspace. */
    static Map<String, String> into(FakeAzureMl fake, Path folder) throws java.io.IOException {
        FakeAzure.signIn(fake);
        Map<String, String> environment = FakeAzure.environment(fake, folder.resolve("home"));
        Cli use = Cli.run(FakeAzure.inProcess(environment), "azure", "use", fake.workspace().armId(), "--folder", folder.toString());
        assertThat(use.exitCode).as(use.toString()).isZero();
        return environment;
    }

    /**
     * A jar process's variables for the fake with an `az` of our own first on the PATH ({@code azScript}: its shell
     * body), so no other sign-in than the one a test means can answer.
     */
    static Map<String, String> withOwnAz(FakeAzureMl fake, Path bin, Path home, String azScript) throws java.io.IOException {
        Path az = java.nio.file.Files.writeString(bin.resolve("az"), "#!/bin/sh\n" + azScript + "\n");
        assertThat(az.toFile().setExecutable(true)).isTrue();
        Map<String, String> environment = FakeAzure.environment(fake, home);
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        return environment;
    }
}
