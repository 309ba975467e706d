/*
 * Following an Azure ML job's log and listing jobs, against the fake Azure ML service (HTTPS, Azurite
 * blobs). Run from the repository root after `mvn -B -q package -DskipTests` (Azurite installed by
 * scripts/setup-azurite.sh):
 *
 *   java -cp server/target/aml-debug.jar:azure-fake/target/azure-fake.jar bench/AzureBench.java [sizeMb] [runs]
 *
 * 1. A log that grows by 1 MB a second to sizeMb (default 50), followed side by side, at the same time, by
 *    our follower (JobLogs: Range reads of the new bytes, polls with backoff 0.5-5 s) and by a naive follower
 *    that downloads the whole file every second, as the Azure ML SDK does. Bytes received by each, and each
 *    one's lag: from the job's end (the last append, then Completed) to having every byte.
 * 2. Listing 1,000 jobs through pages of 100: our client (azure-core pipeline, nextLink) and a bare
 *    java.net.http loop over the same pages, median of `runs` (default 5).
 */
import com.azure.core.credential.TokenCredential;
import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobLogs;
import dev.amldebug.azure.LogFile;
import dev.amldebug.azure.LogSelection;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.credentials.AzureCredentials;
import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class AzureBench {
    private static final String LOG = "user_logs/std_log.txt";
    private static final int MB = 1 << 20;

    public static void main(String[] args) throws Exception {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (FakeAzureMl fake = FakeAzureMl.start(FakeAzureMlOptions.defaults().withJobs(1000).withPageSize(100))) {
            AzureMlClient client = AzureMlClient.builder()
                    .credential(credential(fake))
                    .endpoints(AzureEndpoints.fromEnvironment(Map.of(AzureEndpoints.ARM_ENDPOINT, fake.armEndpoint())))
                    .caBundle(fake.caBundle()).environment(Map.of()).build();
            WorkspaceId id = new WorkspaceId(fake.options().subscriptionId(), fake.options().resourceGroup(),
                    fake.options().workspace());
            WorkspaceClient workspace = client.workspaceClient(id);
            follow(fake, workspace, sizeMb);
            list(fake, workspace, id, runs);
        }
    }

    private static TokenCredential credential(FakeAzureMl fake) {
        return AzureCredentials.ofToken(fake.token(), fake.tokenExpiresOn().atOffset(ZoneOffset.UTC));
    }

    private static void follow(FakeAzureMl fake, WorkspaceClient workspace, int sizeMb) throws Exception {
        fake.setJobStatus("job-0001", "Running");
        fake.appendLog("job-0001", LOG, line(0));
        JobLogs ours = workspace.logs();
        LogFile file = ours.files("job-0001").stream().filter(f -> f.name().equals(LOG)).findFirst().orElseThrow();
        AtomicLong ourBytes = new AtomicLong();
        AtomicLong ourEnd = new AtomicLong();
        AtomicLong naiveEnd = new AtomicLong();
        long total = (long) sizeMb * MB;
        CompletableFuture<Void> ourFollower = CompletableFuture.runAsync(() -> {
            ours.follow("job-0001", LogSelection.file(LOG), true, (source, text) -> { }, () -> false);
            ourBytes.set(ours.bytesRead());
            ourEnd.set(System.nanoTime());
        });
        AtomicBoolean ended = new AtomicBoolean();
        Naive naive = new Naive(fake, file.url());
        CompletableFuture<Void> naiveFollower = CompletableFuture.runAsync(() -> {
            naive.followUntil(ended, total);
            naiveEnd.set(System.nanoTime());
        });
        System.out.printf("Growing the log by 1 MB a second to %d MB...%n", sizeMb);
        long written = line(0).length;
        for (int second = 1; written < total; second++) {
            long started = System.nanoTime();
            byte[] chunk = chunk((int) Math.min(MB, total - written), second);
            fake.appendLog("job-0001", LOG, chunk);
            written += chunk.length;
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - started) / 1_000_000));
        }
        long end = System.nanoTime();
        fake.setJobStatus("job-0001", "Completed");
        ended.set(true);
        ourFollower.get();
        naiveFollower.get();
        System.out.println();
        System.out.println("| follower | bytes received | received / log size | lag after the job ended |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| naive: the whole file every second | %,d | %.1f | %.2f s |%n", naive.bytes, naive.bytes / (double) written,
                (naiveEnd.get() - end) / 1e9);
        System.out.printf("| ours: Range reads, backoff 0.5-5 s | %,d | %.2f | %.2f s |%n", ourBytes.get(),
                ourBytes.get() / (double) written, (ourEnd.get() - end) / 1e9);
        System.out.printf("Log size %,d bytes; naive / ours bytes: %.1fx%n", written, naive.bytes / (double) ourBytes.get());
    }

    private static void list(FakeAzureMl fake, WorkspaceClient workspace, WorkspaceId id, int runs) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        int count = 0;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            count = 0;
            String page = null;
            do {
                Page<Job> jobs = workspace.jobs().list(page);
                count += jobs.items().size();
                page = jobs.nextLink();
            } while (page != null);
            ours.add(System.nanoTime() - started);
            started = System.nanoTime();
            int bareCount = bareList(fake, id);
            bare.add(System.nanoTime() - started);
            if (bareCount != count) {
                throw new IllegalStateException("our client listed " + count + " jobs, the bare loop " + bareCount);
            }
        }
        System.out.println();
        System.out.printf("Listing %d jobs in pages of 100, median of %d:%n", count, runs);
        System.out.println("| client | time |");
        System.out.println("|---|---:|");
        System.out.printf("| bare java.net.http loop over nextLink | %.0f ms |%n", median(bare) / 1e6);
        System.out.printf("| ours (azure-core pipeline: retry, bearer token, paging) | %.0f ms |%n", median(ours) / 1e6);
        System.out.printf("ours / bare: %.2f%n", median(ours) / (double) median(bare));
    }

    private static int bareList(FakeAzureMl fake, WorkspaceId id) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(fake.trustingContext()).build();
        String next = fake.armEndpoint() + id.armId() + "/jobs?api-version=2024-10-01";
        Pattern nextLink = Pattern.compile("\"nextLink\"\\s*:\\s*\"([^\"]+)\"");
        Pattern name = Pattern.compile("\"jobType\"");
        int count = 0;
        while (next != null) {
            String body = http.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + fake.token())
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher jobs = name.matcher(body);
            while (jobs.find()) {
                count++;
            }
            Matcher link = nextLink.matcher(body);
            next = link.find() ? link.group(1) : null;
        }
        return count;
    }

    /** What the SDK does: every poll downloads the whole log and prints what it had not printed yet. */
    private static final class Naive {
        private final HttpClient http;
        private final URI url;
        long bytes;

        Naive(FakeAzureMl fake, URI url) {
            this.http = HttpClient.newBuilder().sslContext(fake.trustingContext()).build();
            this.url = url;
        }

        void followUntil(AtomicBoolean ended, long total) {
            try {
                long seen = 0;
                while (true) {
                    boolean last = ended.get();
                    byte[] body = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                    bytes += body.length;
                    seen = Math.max(seen, body.length);
                    if (last && seen >= total) {
                        return;
                    }
                    Thread.sleep(1000);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] line(int second) {
        return ("second " + second + ": loss=0.1234 accuracy=0.9876\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] chunk(int size, int second) {
        byte[] line = line(second);
        byte[] chunk = new byte[size];
        for (int i = 0; i < size; i++) {
            chunk[i] = line[i % line.length];
        }
        return chunk;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
