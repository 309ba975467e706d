package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.credentials.AzureCredentials;
import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlOptions;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import dev.amldebug.azurefake.StandInAz;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the fake Azure ML service (HTTPS, schema checks on every body, Azurite blobs): one fake for the class,
 * so each test uses its own jobs. Every test's log output, at DEBUG, is checked for tokens and SAS signatures.
 */
class AzureMlClientIT {
    @RegisterExtension
    static final FakeAzureMlExtension azure = new FakeAzureMlExtension(FakeAzureMlOptions.defaults().withJobs(23).withPageSize(5));

    @TempDir
    Path temp;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void noSecretInAnyLog() {
        System.setErr(originalErr);
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the check sees DEBUG output").contains(" DEBUG ");
        assertThat(logs).doesNotContain(azure.fake().token(), azure.fake().expiredToken()).doesNotContainPattern("sig=(?!REDACTED)[^&\\s\"]+");
    }

    private FakeAzureMl fake() {
        return azure.fake();
    }

    private AzureMlClient client(String token) {
        return AzureMlClient.builder()
                .credential(AzureCredentials.ofToken(token, fake().tokenExpiresOn().atOffset(ZoneOffset.UTC)))
                .endpoints(AzureEndpoints.of(URI.create(fake().armEndpoint())).withStorage(URI.create(fake().storageEndpoint())))
                .caBundle(fake().caBundle())
                .build();
    }

    private WorkspaceClient workspace() {
        return client(fake().token()).workspaceClient(WorkspaceId.parse(fake().workspace().armId()));
    }

    @Test
    void listsJobsThroughSeveralPages() {
        Jobs jobs = workspace().jobs();
        List<Job> all = new ArrayList<>();
        int pages = 0;
        String link = null;
        do {
            Page<Job> page = jobs.list(link);
            all.addAll(page.items());
            link = page.nextLink();
            pages++;
        } while (link != null);

        assertThat(pages).isGreaterThan(2);
        assertThat(all).extracting(Job::name).doesNotHaveDuplicates().contains("job-0000", "job-0022");
        assertThat(all.get(0).studioUrl()).isNotBlank();
    }

    @Test
    void listsSubscriptionsWorkspacesComputesAssetsAndExperiments() {
        AzureMlClient client = client(fake().token());
        assertThat(client.subscriptions(null).items()).extracting(Subscription::subscriptionId)
                .contains(fake().options().subscriptionId());
        assertThat(client.workspaces(fake().options().subscriptionId(), null).items()).extracting(Workspace::name)
                .contains(fake().options().workspace());
        WorkspaceClient ws = client.workspaceClient(WorkspaceId.parse(fake().workspace().armId()));
        assertThat(ws.computes().list(null).items()).isNotEmpty();
        assertThat(ws.environments().list(null).items()).isNotNull();
        assertThat(ws.experiments().list(null).items()).extracting(Experiment::name).contains("experiment-0");
    }

    @Test
    void aSecondCodeUploadOfTheSameSnapshotUploadsNothing() throws Exception {
        Path code = Files.createDirectories(temp.resolve("code"));
        Files.writeString(code.resolve("train.py"), "print('hello')\n");
        Files.createDirectories(code.resolve("skip"));
        Files.writeString(code.resolve("skip/big.bin"), "xxx");
        CodeUploads codes = workspace().codes();

        int uploadsBefore = fake().pendingUploads();
        String first = codes.uploadCode(code, path -> path.startsWith("skip"));
        int uploadsAfterFirst = fake().pendingUploads();
        int requestsAfterFirst = fake().requests().size();
        String second = codes.uploadCode(code, path -> path.startsWith("skip"));

        assertThat(uploadsAfterFirst).isEqualTo(uploadsBefore + 1);
        assertThat(second).isEqualTo(first).contains("/codes/aml-debug-code/versions/");
        assertThat(fake().pendingUploads()).isEqualTo(uploadsAfterFirst);
        assertThat(fake().requests().subList(requestsAfterFirst, fake().requests().size()))
                .singleElement().satisfies(request -> assertThat(request).startsWith("GET ").contains("/codes/aml-debug-code/versions/"));
    }

    @Test
    void submitsACommandJobWhoseBodiesMatchTheSchema() throws Exception {
        Path code = Files.createDirectories(temp.resolve("submit-code"));
        Files.writeString(code.resolve("train.py"), "import torch\n");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("rows.csv"), "a,b\n1,2\n");
        WorkspaceClient ws = workspace();
        String armId = fake().workspace().armId();

        String environmentId = ws.environmentVersions().createAnonymous("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
                "name: train\ndependencies:\n  - python=3.11\n");
        String codeId = ws.codes().uploadCode(code, path -> false);
        URI dataUri = ws.storage().uploadLocal(data);
        Job job = ws.jobs().createOrUpdate("submitted-job", commandJob(codeId, environmentId, armId + "/computes/cpu-cluster", dataUri));

        assertThat(environmentId).startsWith(armId + "/environments/CliV2AnonymousEnvironment/versions/");
        // As the SDK sends a local folder (recorded in test_command_job_builder), and readable back from there.
        assertThat(dataUri.toString()).matches("azureml://datastores/workspaceblobstore/paths/LocalUpload/[0-9a-f]+/data/");
        assertThat(ws.storage().download(dataUri, temp.resolve("back"), false).resolve("rows.csv")).hasContent("a,b\n1,2");
        assertThat(job.name()).isEqualTo("submitted-job");
        assertThat(job.jobType()).isEqualTo("Command");
        assertThat(fake().violations()).isEmpty();
    }

    /** The body the server sends for a distributed command job with every part the contract names. */
    private static ObjectNode commandJob(String codeId, String environmentId, String computeId, URI data) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        ObjectNode job = body.putObject("properties")
                .put("jobType", "Command").put("experimentName", "it").put("displayName", "submitted by the IT")
                .put("codeId", codeId).put("command", "python train.py --data ${{inputs.data}} --epochs ${{inputs.epochs}}")
                .put("environmentId", environmentId).put("computeId", computeId);
        job.putObject("environmentVariables").put("AML_DEBUG", "1");
        ObjectNode inputs = job.putObject("inputs");
        inputs.putObject("epochs").put("jobInputType", "literal").put("value", "3");
        inputs.putObject("data").put("jobInputType", "uri_folder").put("uri", data.toString()).put("mode", "ReadOnlyMount");
        job.putObject("outputs").putObject("model").put("jobOutputType", "uri_folder").put("mode", "ReadWriteMount");
        job.putObject("distribution").put("distributionType", "PyTorch").put("processCountPerInstance", 2);
        job.putObject("resources").put("instanceCount", 2);
        job.putObject("limits").put("jobLimitsType", "Command").put("timeout", "PT2H");
        job.putObject("services").putObject("debugpy").put("jobServiceType", "Custom").put("port", 5678)
                .putObject("properties").put("protocol", "tcp");
        return body;
    }

    @Test
    void cancelPollsTheOperationUntilTheJobIsCanceled() {
        fake().setJobStatus("job-0010", "Running");

        Job canceled = workspace().jobs().cancel("job-0010", Duration.ofSeconds(60));

        assertThat(canceled.status()).isEqualTo(JobStatus.Canceled);
        assertThat(fake().requests()).anyMatch(request -> request.startsWith("POST") && request.endsWith("/jobs/job-0010/cancel"))
                .anyMatch(request -> request.contains("/mfeOperationsStatus/") || request.contains("/mfeOperationResults/"));
    }

    @Test
    void followsALogWhileTheJobAppendsReadingOnlyNewBytes() throws Exception {
        fake().setJobStatus("job-0005", "Running");
        fake().appendLog("job-0005", "user_logs/std_log.txt", "epoch 1\nepoch 2 lo".getBytes(StandardCharsets.UTF_8));
        fake().resetBlobCounters();
        JobLogs logs = workspace().logs();
        assertThat(logs.files("job-0005")).extracting(file -> file.url().getRawQuery()).as("signed URLs that must not be logged")
                .anyMatch(query -> query.contains("sig="));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> following = CompletableFuture.runAsync(() ->
                logs.follow("job-0005", LogSelection.defaults(), true, (source, text) -> lines.add(text), cancelled::get));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("", lines).contains("epoch 1\n"));
        fake().appendLog("job-0005", "user_logs/std_log.txt", "ss 0.4\nepoch 3\n".getBytes(StandardCharsets.UTF_8));
        fake().setJobStatus("job-0005", "Completed");
        following.get(30, java.util.concurrent.TimeUnit.SECONDS);

        String total = "epoch 1\nepoch 2 loss 0.4\nepoch 3\n";
        assertThat(String.join("", lines)).isEqualTo(total);
        assertThat(logs.bytesRead()).isEqualTo(total.length());
        assertThat(fake().blobBytesServed()).isEqualTo(total.length());
        assertThat(fake().blobRanges()).allMatch(range -> range.startsWith("bytes="));
    }

    @Test
    void aLogRewrittenShorterWhileFollowedIsReadAgainFromItsStartAndSaysSo() throws Exception {
        fake().setJobStatus("job-0006", "Running");
        fake().appendLog("job-0006", "user_logs/std_log.txt", "first attempt, a long line\nand more of it\n"
                .getBytes(StandardCharsets.UTF_8));
        JobLogs logs = workspace().logs();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> following = CompletableFuture.runAsync(() ->
                logs.follow("job-0006", LogSelection.defaults(), true, (source, text) -> lines.add(text), cancelled::get));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("", lines).contains("more of it"));

        fake().uploadOutput("job-0006", "user_logs/std_log.txt", "retry 2\n".getBytes(StandardCharsets.UTF_8));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("", lines).contains("retry 2"));
        fake().setJobStatus("job-0006", "Completed");
        following.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(String.join("", lines)).contains("was truncated or rewritten; reading it again from the start")
                .endsWith("retry 2\n");
    }

    @Test
    void aLongLogIsReadInChunksNeverWhole() throws Exception {
        byte[] line = ("x".repeat(99) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] log = new byte[line.length * 100_000];
        for (int i = 0; i < 100_000; i++) {
            System.arraycopy(line, 0, log, i * line.length, line.length);
        }
        fake().appendLog("job-0009", "user_logs/std_log.txt", log);
        fake().setJobStatus("job-0009", "Completed");
        fake().resetBlobCounters();
        StringBuilder read = new StringBuilder();

        workspace().logs().follow("job-0009", LogSelection.defaults(), false, (source, text) -> read.append(text), () -> false);

        assertThat(read.length()).isEqualTo(log.length);
        assertThat(fake().blobRanges()).hasSizeGreaterThan(2).allSatisfy(range -> {
            String[] bounds = range.substring("bytes=".length()).split("-");
            assertThat(Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1).isEqualTo(JobLogs.CHUNK);
        });
    }

    @Test
    void aPipelinesLogIsItsExecutionLogAndAJobWithoutLogsSaysSo() throws Exception {
        // The bytes of a real pipeline's executionlogs.txt, and its empty stderrlogs.txt (read with a Range: 416).
        byte[] recorded = java.util.Base64.getDecoder().decode(new ObjectMapper().readTree(getClass().getResourceAsStream(
                "/azurefake/recorded/test_pipeline_job.pyTestPipelineJobLongRunningtest_pipeline_job_download.json"))
                .path("Entries").get(2).path("ResponseBody").asText());
        fake().appendLog("job-0007", "logs/azureml/executionlogs.txt", recorded);
        fake().appendLog("job-0007", "logs/azureml/stderrlogs.txt", new byte[0]);
        StringBuilder read = new StringBuilder();

        boolean found = workspace().logs().follow("job-0007", LogSelection.defaults(), false, (source, text) -> read.append(text), () -> false);

        assertThat(found).isTrue();
        assertThat(read.toString()).isEqualTo(new String(recorded, StandardCharsets.UTF_8))
                .contains("Finishing experiment: no runs left and nothing to schedule.");
        assertThat(workspace().logs().follow("job-0002", LogSelection.defaults(), false, (source, text) -> read.append(text),
                () -> false)).isFalse();
    }

    @Test
    void aCodeUploadTellsItsListenerEveryByteOnce() throws Exception {
        Path code = Files.createDirectories(temp.resolve("counted"));
        Files.write(code.resolve("model.bin"), new byte[300_000]);
        Files.writeString(code.resolve("train.py"), "print('counted " + System.nanoTime() + "')\n");
        Transfers heard = new Transfers();

        workspace().codes().uploadCode(code, path -> false, heard);

        long size = 300_000 + Files.size(code.resolve("train.py"));
        assertThat(heard.started).containsExactly("Uploading the code snapshot of counted: " + size);
        assertThat(heard.bytes).isEqualTo(size);
        assertThat(heard.ended).isEqualTo(1);
    }

    @Test
    void aJobDownloadTellsItsListenerEveryByteOnce() throws Exception {
        fake().appendLog("job-0011", "user_logs/std_log.txt", new byte[250_000]);
        fake().appendLog("job-0011", "user_logs/empty.txt", new byte[0]);
        Transfers heard = new Transfers();

        Path to = workspace().downloads().download("job-0011", false, true, temp.resolve("job-0011"), heard);

        assertThat(to.resolve("user_logs/std_log.txt")).hasSize(250_000);
        assertThat(heard.started).containsExactly("Downloading job job-0011: 250000");
        assertThat(heard.bytes).isEqualTo(250_000);
        assertThat(heard.ended).isEqualTo(1);
    }

    /** What a transfer told its listener. */
    private static final class Transfers implements TransferListener {
        final List<String> started = new ArrayList<>();
        long bytes;
        int ended;

        @Override
        public synchronized void started(String what, long totalBytes) {
            started.add(what + ": " + totalBytes);
        }

        @Override
        public synchronized void transferred(long count) {
            bytes += count;
        }

        @Override
        public synchronized void ended() {
            ended++;
        }
    }

    @Test
    void throttlingIsRetriedAfterRetryAfter() {
        fake().queueFault("/jobs/job-0001", Fault.throttle(1));
        long start = System.nanoTime();

        Job job = workspace().jobs().get("job-0001");

        assertThat(job.name()).isEqualTo("job-0001");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void unavailableAndResetAreRetried() {
        fake().queueFault("/jobs/job-0002", Fault.unavailable());
        fake().queueFault("/jobs/job-0002", Fault.reset());

        assertThat(workspace().jobs().get("job-0002").name()).isEqualTo("job-0002");
    }

    @Test
    void everyErrorPathGivesItsSentence() {
        assertThat(failure(() -> workspace().jobs().get("no-such-job")))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("no-such-job").hasMessageContaining("aml-debug azure jobs list");

        WorkspaceClient expired = client(fake().expiredToken()).workspaceClient(WorkspaceId.parse(fake().workspace().armId()));
        assertThat(failure(() -> expired.jobs().list(null))).hasMessage(dev.amldebug.azure.http.AzureErrors.SIGN_IN_EXPIRED);

        fake().queueFault("/jobs/job-0003", Fault.arm(403, "AuthorizationFailed", "The client 'alice@contoso.com' with object id"
                + " 'oid-1' does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/jobs/read'"
                + " over scope '" + fake().workspace().armId() + "' or the scope is invalid."));
        assertThat(failure(() -> workspace().jobs().get("job-0003")))
                .hasMessageContaining("alice@contoso.com").hasMessageContaining("workspaces/jobs/read")
                .hasMessageContaining(fake().workspace().armId());

        for (FakeWorkspace.PrivateLink link : List.of(FakeWorkspace.PrivateLink.REFUSED, FakeWorkspace.PrivateLink.FORBIDDEN)) {
            FakeWorkspace hidden = fake().addWorkspace(fake().options().subscriptionId(), "rg", "hidden-" + link, link);
            WorkspaceClient ws = client(fake().token()).workspaceClient(WorkspaceId.parse(hidden.armId()));
            assertThat(failure(() -> ws.experiments().list(null)))
                    .hasMessageStartingWith("The workspace hidden-" + link + " is behind a private link");
        }

        for (Throwable e : List.of(failure(() -> workspace().jobs().get("no-such-job")))) {
            assertThat(e.getMessage()).doesNotContain("Exception", "at dev.", "sig=");
        }
    }

    @Test
    void signsInThroughTheAzureCliCredentialWithAStandInAz() throws Exception {
        Path bin = Path.of(System.getProperty("user.dir"), "target", "stand-in-az");
        StandInAz.write(bin, fake());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("AZURE_") || name.equals("IDENTITY_ENDPOINT") || name.equals("MSI_ENDPOINT"));
        env.put("HOME", temp.toString());

        AzureMlClient client = AzureMlClient.builder()
                .credential(AzureCredentials.chain(env))
                .endpoints(AzureEndpoints.of(URI.create(fake().armEndpoint())))
                .caBundle(fake().caBundle())
                .build();

        assertThat(client.workspace(WorkspaceId.parse(fake().workspace().armId())).name()).isEqualTo(fake().options().workspace());
        assertThat(client.signedInAs()).isNotBlank().doesNotContain(fake().token());
    }

    private static AmlDebugException failure(Runnable call) {
        try {
            call.run();
        } catch (AmlDebugException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
