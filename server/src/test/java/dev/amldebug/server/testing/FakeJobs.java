package dev.amldebug.server.testing;

import static org.awaitility.Awaitility.await;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/** Waits on the fake's jobs; a wait that runs out says where every job of the workspace got to, with its logs' last lines. */
public final class FakeJobs {
    private static final int LOG_LINES = 15;

    private FakeJobs() {
    }

    public static void awaitStatus(FakeAzureMl fake, String job, String status, Duration atMost) {
        await().atMost(atMost).untilAsserted(() -> {
            String now = fake.workspace().jobs.find(job).orElseThrow().status;
            if (!status.equals(now)) {
                throw new AssertionError("job " + job + " is " + now + ", not " + status + "; the fake's jobs:\n" + report(fake));
            }
        });
    }

    /** Every job the workspace ran for real: its status, then the last lines of each of its logs. */
    public static String report(FakeAzureMl fake) {
        return fake.workspace().jobs.all().stream().filter(job -> job.realRun).map(job -> job.name + ": " + job.status
                + logs(fake, job)).collect(Collectors.joining("\n"));
    }

    private static String logs(FakeAzureMl fake, FakeJob job) {
        StringBuilder out = new StringBuilder();
        try {
            for (String file : fake.blobs().files(job.name, "")) {
                String[] lines = new String(fake.blobs().read(BlobStore.RUNS_CONTAINER, BlobStore.runPrefix(job.name) + file),
                        StandardCharsets.UTF_8).split("\n");
                out.append("\n  ").append(file).append(':');
                for (int i = Math.max(0, lines.length - LOG_LINES); i < lines.length; i++) {
                    out.append("\n    ").append(lines[i]);
                }
            }
        } catch (RuntimeException e) {
            out.append("\n  (its logs could not be read: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }
}
