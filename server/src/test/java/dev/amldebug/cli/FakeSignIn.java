package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment that points the CLI at a fake Azure ML service, and its workspace chosen for a folder. */
final class FakeSignIn {
    private FakeSignIn() {
    }

    /** The variables a jar process needs (the stand-in az written for this fake); the folder's .azureml/config.json names the fake's workspace. */
    static Map<String, String> into(FakeAzureMl fake, Path folder) throws java.io.IOException {
        // The stand-in `az` (on the tests' PATH, from the build) answers for the fake.
        dev.amldebug.azurefake.StandInAz.write(Path.of("target/stand-in-az"), fake);
        Map<String, String> environment = new HashMap<>();
        environment.put("AML_DEBUG_ARM_ENDPOINT", fake.armEndpoint());
        environment.put("AML_DEBUG_CA_BUNDLE", fake.caBundle().toString());
        environment.put("AML_DEBUG_STORAGE_ENDPOINT", fake.storageEndpoint());
        environment.put("HOME", folder.resolve("home").toString());
        Cli use = Cli.run(inProcess(environment), "azure", "use", fake.workspace().armId(), "--workspace", folder.toString());
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
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("AML_DEBUG_ARM_ENDPOINT", fake.armEndpoint());
        environment.put("AML_DEBUG_CA_BUNDLE", fake.caBundle().toString());
        environment.put("HOME", home.toString());
        return environment;
    }

    /** This process's environment with {@code environment} over it, for an in-process CLI run. */
    static Map<String, String> inProcess(Map<String, String> environment) {
        Map<String, String> inProcess = new HashMap<>(System.getenv());
        inProcess.putAll(environment);
        inProcess.remove("AZURE_CLIENT_ID");
        return inProcess;
    }
}
