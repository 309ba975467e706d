package dev.amldebug.server.testing;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.azurefake.FakeAzureMlOptions;
import dev.amldebug.azurefake.StandInAz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The tests' fake Azure ML service: a started fake with the usual options ({@code @RegisterExtension static final
 * FakeAzureMlExtension AZURE = FakeAzure.withCompute();}), and the sign-in that points aml-debug at it.
 */
public final class FakeAzure {
    /** The stand-in az's folder, first on the integration tests' PATH (failsafe's PATH in server/pom.xml). */
    public static final Path STAND_IN_AZ = Path.of("target/stand-in-az");

    private FakeAzure() {
    }

    /** Two jobs recorded, and submitted jobs that really run in Docker (the fake's compute). */
    public static FakeAzureMlExtension withCompute() {
        return new FakeAzureMlExtension(FakeAzureMlOptions.defaults().withJobs(2).withRealRuns("docker"));
    }

    /** {@code jobs} jobs recorded, listed {@code pageSize} to a page; nothing runs. */
    public static FakeAzureMlExtension withJobs(int jobs, int pageSize) {
        return new FakeAzureMlExtension(FakeAzureMlOptions.defaults().withJobs(jobs).withPageSize(pageSize));
    }

    /** {@code jobs} jobs recorded, at the fake's usual page size; nothing runs. */
    public static FakeAzureMlExtension withJobs(int jobs) {
        return new FakeAzureMlExtension(FakeAzureMlOptions.defaults().withJobs(jobs));
    }

    /** The stand-in az on the PATH answers for {@code fake}. */
    public static void signIn(FakeAzureMl fake) throws IOException {
        StandInAz.write(STAND_IN_AZ, fake);
    }

    /** What a test does while the stand-in az says nobody is signed in. */
    public interface SignedOut {
        void run() throws Exception;
    }

    /** Runs {@code test} with the stand-in az signed out, then signs it in to {@code fake} again. */
    public static void whileSignedOut(FakeAzureMl fake, SignedOut test) throws Exception {
        StandInAz.writeSignedOut(STAND_IN_AZ);
        try {
            test.run();
        } finally {
            signIn(fake);
        }
    }

    /** The variables that point aml-debug at {@code fake}: its endpoints and certificate, and {@code home} as HOME. */
    public static Map<String, String> environment(FakeAzureMl fake, Path home) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AML_DEBUG_ARM_ENDPOINT", fake.armEndpoint());
        environment.put("AML_DEBUG_CA_BUNDLE", fake.caBundle().toString());
        environment.put("AML_DEBUG_STORAGE_ENDPOINT", fake.storageEndpoint());
        environment.put("HOME", home.toString());
        return environment;
    }

    /** This process's environment with {@code environment} over it, for aml-debug in this process. */
    public static Map<String, String> inProcess(Map<String, String> environment) {
        Map<String, String> inProcess = new HashMap<>(System.getenv());
        inProcess.putAll(environment);
        inProcess.remove("AZURE_CLIENT_ID");
        // The developer's own workspace settings would name another workspace than the fake's.
        for (String variable : java.util.List.of("AZURE_CONFIG_DIR", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP",
                "AZUREML_WORKSPACE_NAME", "AZURE_ML_WORKSPACE_NAME", "AZURE_DEFAULTS_GROUP", "AZURE_DEFAULTS_WORKSPACE",
                "AML_DEBUG_FOLDER", "AML_DEBUG_WORKSPACE")) {
            inProcess.remove(variable);
        }
        return inProcess;
    }
}
