package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azurefake.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake until killed: {@code java -jar azure-fake.jar --port P --state DIR [--jobs N] [--page-size K] [--real-runs]}.
 * With --real-runs, submitted command jobs really run in Docker containers (the stand-in compute).
 * Prints one JSON line {armEndpoint, caBundle, storageEndpoint, token, guestToken, guestSubscriptionId, azPath, subscriptionId, resourceGroup, workspace} for the caller.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        FakeAzureMlOptions options = FakeAzureMlOptions.defaults().withAzuriteAtStart();
        Path state = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--real-runs")) {
                options = options.withRealRuns("docker");
                continue;
            }
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(require(args[i], value)));
                case "--state" -> state = Path.of(require(args[i], value));
                case "--jobs" -> options = options.withJobs(Integer.parseInt(require(args[i], value)));
                case "--page-size" -> options = options.withPageSize(Integer.parseInt(require(args[i], value)));
                default -> usage("Unknown option " + args[i]);
            }
            i++;
        }
        if (state == null) {
            usage("--state DIR is required");
        }
        Files.createDirectories(state);
        FakeAzureMl fake = FakeAzureMl.start(options.withStateDir(state));
        Path az = StandInAz.write(state.resolve("bin"), fake);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-azure-ml-stop"));
        ObjectNode ready = Json.object()
                .put("armEndpoint", fake.armEndpoint())
                .put("caBundle", fake.caBundle().toAbsolutePath().toString())
                .put("storageEndpoint", fake.storageEndpoint())
                .put("token", fake.token())
                .put("guestToken", fake.guestToken())
                .put("guestSubscriptionId", fake.guestSubscriptionId())
                .put("azPath", az.toAbsolutePath().toString())
                .put("subscriptionId", options.subscriptionId())
                .put("resourceGroup", options.resourceGroup())
                .put("workspace", options.workspace());
        System.out.println(Json.MAPPER.writeValueAsString(ready));
        System.out.flush();
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem + ". Usage: java -jar azure-fake.jar --port P --state DIR [--jobs N] [--page-size K] [--real-runs]");
        System.exit(2);
    }
}
