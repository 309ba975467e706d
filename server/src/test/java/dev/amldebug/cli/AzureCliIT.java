package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.server.testing.FakeAzure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `aml-debug azure` commands against the fake Azure ML service (HTTPS, the spec's payloads and
 * schemas, Azurite for blobs), signed in through the real Azure CLI credential and a stand-in `az`.
 */
class AzureCliIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = FakeAzure.withJobs(12, 5);

    @TempDir
    Path folder;

    private FakeAzureMl fake;
    private Map<String, String> environment;

    @BeforeEach
    void signInThroughTheStandInAz() throws Exception {
        fake = AZURE.fake();
        FakeAzure.signIn(fake);
        environment = FakeAzure.inProcess(FakeAzure.environment(fake, folder.resolve("home")));
    }

    private Cli azure(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "azure";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--folder";
        all[args.length + 2] = folder.toString();
        return Cli.run(environment, all);
    }

    private String workspaceId() {
        return "/subscriptions/" + fake.options().subscriptionId() + "/resourceGroups/" + fake.options().resourceGroup()
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + fake.options().workspace();
    }

    @Test
    void statusWorkspacesAndUseNameTheWorkspaceAndWriteTheSdksConfig() throws Exception {
        Cli status = azure("status");
        assertThat(status.exitCode).as(status.toString()).isZero();
        assertThat(status.out).contains("Signed in as:").contains("Workspace:        none: No Azure ML workspace is set")
                .contains("aml-debug azure use");

        Cli workspaces = Cli.run(environment, "azure", "workspaces");
        assertThat(workspaces.out).as(workspaces.toString()).contains(fake.options().workspace()).contains(workspaceId());

        Cli use = azure("use", workspaceId());
        assertThat(use.exitCode).as(use.toString()).isZero();
        String config = Files.readString(folder.resolve(".azureml/config.json"));
        assertThat(config).contains("\"subscription_id\"").contains(fake.options().workspace());
        assertThat(azure("status").out).contains(workspaceId() + " (from " + folder.resolve(".azureml/config.json") + ")");
    }

    @Test
    void withoutAConfigJsonTheWorkspaceComesFromTheSdksVariablesOrTheFlags() throws Exception {
        Map<String, String> variables = new java.util.HashMap<>(environment);
        variables.put("AZURE_SUBSCRIPTION_ID", fake.options().subscriptionId());
        variables.put("AZURE_RESOURCE_GROUP", fake.options().resourceGroup());
        variables.put("AZUREML_WORKSPACE_NAME", fake.options().workspace());
        Cli status = Cli.run(variables, "azure", "status", "--folder", folder.toString());
        assertThat(status.out).as(status.toString()).contains("Workspace:        " + workspaceId()
                + " (workspace name from AZUREML_WORKSPACE_NAME, resource group from AZURE_RESOURCE_GROUP,"
                + " subscription from AZURE_SUBSCRIPTION_ID)");
        Cli listed = Cli.run(variables, "azure", "jobs", "list", "--folder", folder.toString());
        assertThat(listed.out).as(listed.toString()).contains("job-0000");

        Cli named = azure("jobs", "list", "-w", fake.options().workspace(), "-g", fake.options().resourceGroup(),
                "--subscription", fake.options().subscriptionId());
        assertThat(named.out).as(named.toString()).contains("job-0000");
        Cli wrongName = Cli.run(variables, "azure", "status", "-w", "other-ws", "--folder", folder.toString());
        assertThat(wrongName.out).contains("/workspaces/other-ws (workspace name from --workspace-name,");

        Cli noGroup = azure("jobs", "list", "-w", fake.options().workspace(), "--subscription", fake.options().subscriptionId());
        assertThat(noGroup.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(noGroup.err).contains("has no resource group: pass -g/--resource-group");

        Cli use = azure("use", "-w", fake.options().workspace(), "-g", fake.options().resourceGroup(),
                "--subscription", fake.options().subscriptionId());
        assertThat(use.exitCode).as(use.toString()).isZero();
        assertThat(azure("status").out).contains(workspaceId() + " (from " + folder.resolve(".azureml/config.json") + ")");
    }

    @Test
    void jobsListGoesThroughEveryPageAndFilters() {
        azure("use", workspaceId());

        Cli all = azure("jobs", "list", "--top", "100");
        assertThat(all.exitCode).as(all.toString()).isZero();
        assertThat(all.out.lines().filter(line -> line.matches("job-\\d{4} .*"))).hasSize(12);

        Cli experiment = azure("jobs", "list", "--experiment", "experiment-1");
        assertThat(experiment.out.lines().filter(line -> line.startsWith("job-")))
                .isNotEmpty().allMatch(line -> line.contains("experiment-1"));

        Cli top = azure("jobs", "list", "--top", "3");
        assertThat(top.out.lines().filter(line -> !line.startsWith("JOB "))).as("other tests submit jobs too").hasSize(3);
    }

    @Test
    void jobsListAndShowAsJsonHaveTheDocumentedFields() throws Exception {
        azure("use", workspaceId());
        fake.setJobStatus("job-0010", "Failed");
        fake.appendLog("job-0010", "user_logs/std_log.txt", "Traceback\n".getBytes(StandardCharsets.UTF_8));
        ObjectMapper mapper = new ObjectMapper();

        Cli list = azure("jobs", "list", "--top", "100", "-o", "json");
        assertThat(list.exitCode).as(list.toString()).isZero();
        JsonNode jobs = mapper.readTree(list.out);
        assertThat(jobs.findValuesAsText("name")).as("other tests submit jobs too").contains("job-0000", "job-0011");
        for (JsonNode job : jobs) {
            assertThat(job.get("status").asText()).isIn(Arrays.stream(JobStatus.values()).map(Enum::name).toList());
            assertThat(job.has("experiment") && job.has("type") && job.has("startedAt") && job.has("durationSeconds")
                    && job.has("compute") && job.has("id")).as(job.toString()).isTrue();
        }

        Cli show = azure("jobs", "show", "job-0010", "-o", "json");
        assertThat(show.exitCode).as(show.toString()).isZero();
        JsonNode job = mapper.readTree(show.out);
        assertThat(job.get("name").asText()).isEqualTo("job-0010");
        assertThat(job.get("status").asText()).isEqualTo("Failed");
        assertThat(job.get("studioUrl").asText()).startsWith("https://");
        assertThat(job.get("logs").toString()).contains("user_logs/std_log.txt");

        Cli failed = azure("jobs", "list", "--top", "100", "-o", "tsv", "--query", "[?status=='Failed'].[name, status]");
        assertThat(failed.out.lines()).as(failed.toString()).contains("job-0010\tFailed")
                .allMatch(line -> line.split("\t", -1).length == 2 && line.endsWith("\tFailed"));
    }

    @Test
    void workspacesAndStatusAsJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode workspaces = mapper.readTree(Cli.run(environment, "azure", "workspaces", "-o", "json").out);
        assertThat(workspaces.findValuesAsText("id")).contains(workspaceId());
        assertThat(workspaces.findValuesAsText("name")).contains(fake.options().workspace());

        azure("use", workspaceId());
        Cli status = azure("status", "-o", "json");
        assertThat(status.exitCode).as(status.toString()).isZero();
        JsonNode json = mapper.readTree(status.out);
        assertThat(json.get("workspace").get("name").asText()).isEqualTo(fake.options().workspace());
        assertThat(json.get("workspace").get("id").asText()).isEqualTo(workspaceId());
        assertThat(json.get("signedInAs").isTextual()).isTrue();
        assertThat(json.get("signInError").isNull()).isTrue();
        assertThat(azure("status", "--query", "workspace.name", "-o", "tsv").out).isEqualTo(fake.options().workspace() + "\n");
    }

    @Test
    void showAndCancelARunningJob() {
        azure("use", workspaceId());
        Cli show = azure("jobs", "show", "job-0000");
        assertThat(show.out).as(show.toString()).contains("status:     Running").contains("studio:     https://");

        Cli cancel = azure("jobs", "cancel", "job-0000");
        assertThat(cancel.exitCode).as(cancel.toString()).isZero();
        assertThat(cancel.out).contains("job-0000: Canceled");
    }

    @Test
    void logsFollowAGrowingLogReadingOnlyTheNewBytesAndStopWhenTheJobEnds() throws Exception {
        azure("use", workspaceId());
        fake.setJobStatus("job-0001", "Running");
        fake.appendLog("job-0001", "user_logs/std_log.txt", "epoch 1\n".getBytes(StandardCharsets.UTF_8));
        fake.resetBlobCounters();
        CompletableFuture<Cli> following = CompletableFuture.supplyAsync(() -> azure("jobs", "logs", "job-0001", "--follow"));
        // Each append lands after the follower has read what was there: the log grows while it is followed.
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.blobBytesServed() == "epoch 1\n".length());
        fake.appendLog("job-0001", "user_logs/std_log.txt", "epoch 2\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.blobBytesServed() == "epoch 1\nepoch 2\n".length());
        fake.appendLog("job-0001", "user_logs/std_log.txt", "done\n".getBytes(StandardCharsets.UTF_8));
        fake.setJobStatus("job-0001", "Completed");

        Cli logs = following.get(60, TimeUnit.SECONDS);
        assertThat(logs.exitCode).as(logs.toString()).isZero();
        assertThat(logs.out).isEqualTo("epoch 1\nepoch 2\ndone\n");
        assertThat(fake.blobBytesServed()).isEqualTo("epoch 1\nepoch 2\ndone\n".length());
        assertThat(fake.blobRanges()).isNotEmpty().allMatch(range -> range.startsWith("bytes="));
    }

    @Test
    void followingAJobWithNoLogYetSaysWhatItWaitsForThenPrintsTheLog() throws Exception {
        azure("use", workspaceId());
        fake.setJobStatus("job-0004", "Queued");
        int before = fake.requests().size();
        CompletableFuture<Cli> following = CompletableFuture.supplyAsync(() -> azure("jobs", "logs", "job-0004", "--follow"));
        // A few polls find no log while the job is queued.
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.requests().subList(before, fake.requests().size()).stream()
                .filter(request -> request.contains("job-0004")).count() >= 4);
        fake.setJobStatus("job-0004", "Running");
        fake.appendLog("job-0004", "user_logs/std_log.txt", "started\n".getBytes(StandardCharsets.UTF_8));
        fake.setJobStatus("job-0004", "Completed");

        Cli logs = following.get(60, TimeUnit.SECONDS);
        assertThat(logs.exitCode).as(logs.toString()).isZero();
        assertThat(logs.out).isEqualTo("started\n");
        // Not a terminal: one plain line, once, on stderr.
        assertThat(logs.err.lines().filter(line -> line.contains("Waiting for job job-0004 to write its log (Queued)")))
                .as(logs.toString()).hasSize(1);
        assertThat(logs.err).doesNotContain("\r");
    }

    @Test
    void logsOfEveryRankArePrefixed() {
        azure("use", workspaceId());
        fake.appendLog("job-0002", "user_logs/std_log_process_0.txt", "rank zero\n".getBytes(StandardCharsets.UTF_8));
        fake.appendLog("job-0002", "user_logs/std_log_process_1.txt", "rank one\n".getBytes(StandardCharsets.UTF_8));

        Cli all = azure("jobs", "logs", "job-0002", "--all");
        assertThat(all.out).as(all.toString()).contains("rank zero").contains("rank one").contains("] rank one");

        Cli rank = azure("jobs", "logs", "job-0002", "--rank", "1");
        assertThat(rank.out).isEqualTo("rank one\n");
    }

    @Test
    void logsOfAPipelineAreItsExecutionLogAndAJobWithoutLogsSaysSo() {
        azure("use", workspaceId());
        fake.appendLog("job-0007", "logs/azureml/executionlogs.txt", "Finishing experiment: no runs left.\n".getBytes(StandardCharsets.UTF_8));

        Cli pipeline = azure("jobs", "logs", "job-0007");
        Cli none = azure("jobs", "logs", "job-0009");

        assertThat(pipeline.out).as(pipeline.toString()).isEqualTo("Finishing experiment: no runs left.\n");
        assertThat(none.exitCode).isZero();
        assertThat(none.out).isEqualTo("Job job-0009 has no log yet: follow it with `aml-debug azure jobs logs job-0009 --follow`,"
                + " or see its files with `aml-debug azure jobs show job-0009`.\n");
    }

    @Test
    void downloadPutsOutputsInTheFolderAsked() throws Exception {
        azure("use", workspaceId());
        fake.uploadOutput("job-0003", "outputs/model.pkl", "weights".getBytes(StandardCharsets.UTF_8));

        Cli download = azure("jobs", "download", "job-0003", "--outputs", "--to", folder.resolve("got").toString());
        assertThat(download.exitCode).as(download.toString()).isZero();
        try (var files = Files.walk(folder.resolve("got"))) {
            assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .contains("model.pkl");
        }
    }

    @Test
    void downloadFindsTheRunsFolderThroughRundataAndKeepsAnEmptyLogAsAnEmptyFile() throws Exception {
        azure("use", workspaceId());
        fake.uploadOutput("job-0004", "outputs/metrics.json", "{}".getBytes(StandardCharsets.UTF_8));
        fake.appendLog("job-0004", "logs/azureml/stderrlogs.txt", new byte[0]);

        Cli download = azure("jobs", "download", "job-0004", "--to", folder.resolve("all").toString());

        assertThat(download.exitCode).as(download.toString()).isZero();
        assertThat(folder.resolve("all/outputs/metrics.json")).hasContent("{}");
        assertThat(folder.resolve("all/logs/azureml/stderrlogs.txt")).exists().isEmptyFile();
        assertThat(fake.requests()).anyMatch(request -> request.startsWith("POST ") && request.endsWith("/rundata"))
                .anyMatch(request -> request.endsWith("/datastores/workspaceartifactstore"));
    }

    @Test
    void submitUploadsTheSnapshotOnceAndSendsABodyTheSpecAccepts() throws Exception {
        azure("use", workspaceId());
        Path project = folder.resolve("project");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/train.py"), "print('hi')\n");
        Files.writeString(project.resolve("src/.amlignore"), "*.tmp\n");
        Files.writeString(project.resolve("src/scratch.tmp"), "not uploaded\n");
        Files.writeString(project.resolve("job.yml"), """
                code: src
                command: python train.py --lr ${{inputs.lr}}
                experiment_name: digits
                environment:
                  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04
                inputs:
                  lr: 0.1
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 2}
                """);

        Cli first = azure("submit", project.resolve("job.yml").toString(), "--compute", "cpu-cluster");
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out).contains("job: digits_").contains("studio: https://");
        int uploads = fake.pendingUploads();
        assertThat(uploads).isEqualTo(1);

        Cli second = azure("submit", project.resolve("job.yml").toString(), "--compute", "cpu-cluster");
        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(fake.pendingUploads()).as("an unchanged snapshot is not uploaded again").isEqualTo(uploads);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void submitOfAPipelineRegistersEachStepsComponentThatThePipelinesStepsReference() throws Exception {
        azure("use", workspaceId());
        Path project = folder.resolve("pipeline");
        Files.createDirectories(project);
        for (Path file : List.of(Path.of("../examples/pipeline/pipeline.yml"), Path.of("../examples/pipeline/train.yml"),
                Path.of("../examples/pipeline/conda.yml"))) {
            Files.copy(file, project.resolve(file.getFileName().toString()));
        }
        for (String step : List.of("prep", "train")) {
            Files.createDirectories(project.resolve("src/" + step));
            Files.writeString(project.resolve("src/" + step + "/" + step + ".py"), "print('" + step + "')\n");
        }
        fake.clearViolations();

        Cli submit = azure("submit", project.resolve("pipeline.yml").toString(), "--compute", "cpu-cluster");

        assertThat(submit.exitCode).as(submit.toString()).isZero();
        String job = submit.out.replaceAll("(?s).*job: (\\S+).*", "$1");
        var steps = fake.workspace().jobs.find(job).orElseThrow().submitted.path("jobs");
        assertThat(steps.size()).isEqualTo(2);
        steps.forEach(step -> assertThat(fake.workspace().component(step.path("componentId").asText()))
                .as("the component of " + step.path("name")).isPresent());
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void errorsAreOneSentenceThatSaysWhatToDo() {
        Cli noWorkspace = azure("jobs", "list");
        assertThat(noWorkspace.exitCode).isEqualTo(2);
        assertThat(noWorkspace.err).contains("aml-debug azure use");

        azure("use", workspaceId());
        Cli missing = azure("jobs", "show", "no-such-job");
        assertThat(missing.exitCode).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err).contains("no-such-job").contains("aml-debug azure jobs list").doesNotContain("Exception");

        fake.queueFault("/jobs", Fault.arm(403, "AuthorizationFailed", "The client 'me@example.com' with object id"
                + " '1111' does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/"
                + "jobs/read' over scope '" + workspaceId() + "' or the scope is invalid."));
        Cli forbidden = azure("jobs", "list");
        assertThat(forbidden.exitCode).as(forbidden.toString()).isEqualTo(3);
        assertThat(forbidden.err).contains("me@example.com").contains("jobs/read").doesNotContain("Exception");

        fake.queueFault("/jobs", Fault.throttle(1));
        Cli throttled = azure("jobs", "list", "--top", "1");
        assertThat(throttled.exitCode).as("a 429 is retried after Retry-After").isZero();
    }

    @Test
    void noTokenOrSignatureReachesTheOutputEvenWithVerbose() throws Exception {
        azure("use", workspaceId());
        fake.appendLog("job-0005", "user_logs/std_log.txt", "line\n".getBytes(StandardCharsets.UTF_8));
        fake.queueFault("/jobs", Fault.throttle(1));
        fake.queueFault("/jobs/no-such", Fault.arm(401, "ExpiredAuthenticationToken", "The access token expired."));
        Map<String, String> variables = FakeAzure.environment(fake, folder.resolve("home"));
        variables.put("PATH", FakeAzure.STAND_IN_AZ.toAbsolutePath() + ":" + System.getenv("PATH"));
        StringBuilder output = new StringBuilder();
        for (String[] args : List.of(new String[] {"jobs", "list"}, new String[] {"jobs", "logs", "job-0005"},
                new String[] {"jobs", "show", "no-such"}, new String[] {"status"})) {
            List<String> command = new java.util.ArrayList<>(List.of("--verbose", "azure"));
            command.addAll(List.of(args));
            command.addAll(List.of("--folder", folder.toString()));
            JarProcess jar = JarProcess.start(variables, command.toArray(String[]::new));
            jar.waitFor(120);
            output.append(jar.output());
        }
        assertThat(output).contains("line").contains("az login");
        assertThat(output.toString()).doesNotContain(fake.token()).doesNotContainPattern("sig=[A-Za-z0-9%]{8}");
    }

    @Test
    void signedOutSaysHowToSignIn() throws Exception {
        FakeAzure.whileSignedOut(fake, () -> {
            Cli status = azure("status");
            assertThat(status.exitCode).as(status.toString()).isEqualTo(3);
            assertThat(status.out).contains("nobody").contains("az login");
        });
    }
}
