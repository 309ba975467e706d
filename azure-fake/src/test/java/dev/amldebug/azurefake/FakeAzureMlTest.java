package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.azurefake.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeAzureMlTest {
    private FakeAzureMl fake;
    private FakeClient client;
    private String w;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAzureMl.start(FakeAzureMlOptions.defaults().withJobs(103).withPageSize(10));
        client = new FakeClient(fake);
        w = fake.workspace().armId();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void servesHttpsWithACertificateForLoopbackAndWritesItsPem() throws Exception {
        assertThat(fake.armEndpoint()).startsWith("https://127.0.0.1:");
        assertThat(Files.readString(fake.caBundle())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(client.get("/subscriptions?api-version=2022-12-01").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesCallsWithoutTheTokenAndExpiredTokensAsArmDoes() throws Exception {
        HttpResponse<String> missing = client.withToken(null).get(w + "?api-version=2024-10-01");
        assertThat(missing.statusCode()).isEqualTo(401);
        HttpResponse<String> expired = client.withToken(fake.expiredToken()).get(w + "?api-version=2024-10-01");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("\"code\":\"ExpiredAuthenticationToken\"");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void pagingThroughJobsCoversEveryJobExactlyOnce() throws Exception {
        List<String> names = new ArrayList<>();
        String link = w + "/jobs?api-version=2024-10-01";
        int pages = 0;
        while (link != null) {
            JsonNode page = client.json(link);
            page.get("value").forEach(job -> names.add(job.get("name").asText()));
            link = page.hasNonNull("nextLink") ? page.get("nextLink").asText() : null;
            assertThat(link == null || link.startsWith(fake.armEndpoint() + w + "/jobs?api-version=2024-10-01&$skipToken=")).isTrue();
            pages++;
        }
        assertThat(pages).isEqualTo(11);
        assertThat(names).hasSize(103).doesNotHaveDuplicates();
        assertThat(new HashSet<>(names)).contains("job-0000", "job-0102");
    }

    @Test
    void answersWorkspaceAndDiscoveryFromTheExamplesRewrittenToTheWorkspace() throws Exception {
        JsonNode workspace = client.json(w + "?api-version=2024-10-01");
        assertThat(workspace.get("id").asText()).isEqualTo(w);
        JsonNode discovery = client.json(workspace.at("/properties/discoveryUrl").asText());
        assertThat(discovery.get("history").asText()).isEqualTo(fake.armEndpoint());
        JsonNode details = client.json(discovery.get("history").asText() + "/history/v1.0" + w + "/runs/job-0000/details");
        assertThat(details.get("status").asText()).isEqualTo("Running");
    }

    @Test
    void aBodyThatBreaksTheSchemaIsRefusedAndRecorded() throws Exception {
        HttpResponse<String> response = client.send("PUT", w + "/jobs/bad?api-version=2024-10-01",
                "{\"properties\": {\"jobType\": \"Command\", \"environmentId\": \"azureml:e@latest\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("$.properties.command is required");
        assertThat(fake.violations()).hasSize(1);
    }

    @Test
    void environmentVersionsAreCheckedAgainstTheEnvironmentVersionSchema() throws Exception {
        String path = w + "/environments/CliV2AnonymousEnvironment/versions/0123abcd?api-version=2024-10-01";
        HttpResponse<String> created = client.send("PUT", path,
                "{\"properties\": {\"image\": \"python:3.11-slim\", \"condaFile\": \"name: env\\n\", \"isAnonymous\": true}}");
        HttpResponse<String> again = client.send("PUT", path, "{\"properties\": {\"image\": \"python:3.11-slim\", \"isAnonymous\": true}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"environmentType\":\"UserCreated\"").contains("/environments/CliV2AnonymousEnvironment/versions/0123abcd");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(fake.violations()).isEmpty();

        HttpResponse<String> wrong = client.send("PUT", path, "{\"properties\": {\"image\": \"python\", \"dockerImage\": \"python\"}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(fake.violations()).hasSize(1);
    }

    @Test
    void aCreatedJobMovesToRunningOnPolls() throws Exception {
        HttpResponse<String> created = client.send("PUT", w + "/jobs/new-job?api-version=2024-10-01", SchemaValidatorTest.commandJob(""));
        assertThat(created.statusCode()).isEqualTo(201);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(client.json(w + "/jobs/new-job?api-version=2024-10-01").at("/properties/status").asText());
        }
        assertThat(seen).containsExactly("Queued", "Running", "Running");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void cancelIsALongRunningOperationThatPollsToCanceledAsRecorded() throws Exception {
        HttpResponse<String> accepted = client.send("POST", w + "/jobs/job-0000/cancel?api-version=2024-10-01", null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEqualTo("null");
        assertThat(accepted.headers().firstValue("Azure-AsyncOperation")).isEmpty();
        assertThat(accepted.headers().firstValue("Retry-After")).isEmpty();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(client.json(w + "/jobs/job-0000?api-version=2024-10-01").at("/properties/status").asText()).isEqualTo("CancelRequested");
        List<String> polls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> poll = client.get(location);
            polls.add(poll.statusCode() + " " + poll.body());
        }
        assertThat(polls).containsExactly("202 {}", "202 {}", "200 ");
        assertThat(client.json(w + "/jobs/job-0000?api-version=2024-10-01").at("/properties/status").asText()).isEqualTo("Canceled");
    }

    @Test
    void locationPollingAnswers202ThenOk() throws Exception {
        HttpResponse<String> accepted = client.send("POST", w + "/jobs/job-0000/cancel?api-version=2024-10-01", null);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(client.get(location).statusCode()).isEqualTo(202);
        assertThat(client.get(location).statusCode()).isEqualTo(202);
        assertThat(client.get(location).statusCode()).isEqualTo(200);
    }

    @Test
    void queuedFaultsAnswerOnceEach() throws Exception {
        fake.queueFault("/jobs", Fault.throttle(7));
        fake.queueFault("", Fault.unavailable());
        HttpResponse<String> throttled = client.get(w + "/jobs?api-version=2024-10-01");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
        assertThat(client.get(w + "?api-version=2024-10-01").statusCode()).isEqualTo(503);
        assertThat(client.get(w + "/jobs?api-version=2024-10-01").statusCode()).isEqualTo(200);
        fake.queueFault("", Fault.arm(403, "AuthorizationFailed", "The client 'dev@contoso.example' does not have authorization."));
        assertThat(client.get(w + "?api-version=2024-10-01").body()).contains("AuthorizationFailed");
    }

    @Test
    void aResetFaultClosesTheConnectionWithoutAnswer() {
        // java.net.http retries an idempotent request once on a closed connection: two resets make the failure visible.
        fake.queueFault("/jobs", Fault.reset());
        fake.queueFault("/jobs", Fault.reset());
        assertThatThrownBy(() -> client.get(w + "/jobs?api-version=2024-10-01")).isInstanceOf(IOException.class);
    }

    @Test
    void unknownResourcesAreArmNotFoundErrors() throws Exception {
        assertThat(client.get(w + "/jobs/nope?api-version=2024-10-01").body()).contains("ResourceNotFound");
        assertThat(client.get(w.replace("aml-debug-ws", "other") + "?api-version=2024-10-01").body()).contains("ResourceNotFound");
        assertThat(client.get(w.replace("aml-debug-rg", "other") + "?api-version=2024-10-01").body()).contains("ResourceGroupNotFound");
        assertThat(client.get(w.replace("00000000-", "99999999-") + "?api-version=2024-10-01").body()).contains("SubscriptionNotFound");
    }

    @Test
    void privateLinkWorkspacesRefuseOrForbidTheirDataPlane() throws Exception {
        FakeWorkspace refused = fake.addWorkspace(fake.options().subscriptionId(), "aml-debug-rg", "refusing", FakeWorkspace.PrivateLink.REFUSED);
        FakeWorkspace forbidden = fake.addWorkspace(fake.options().subscriptionId(), "aml-debug-rg", "forbidding", FakeWorkspace.PrivateLink.FORBIDDEN);
        String history = client.json(client.json(refused.armId() + "?api-version=2024-10-01").at("/properties/discoveryUrl").asText()).get("history").asText();
        assertThatThrownBy(() -> client.get(history + "/history/v1.0" + refused.armId() + "/runs/x/details")).isInstanceOf(IOException.class);
        HttpResponse<String> denied = client.get("/history/v1.0" + forbidden.armId() + "/runs/x/details");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("private endpoint");
    }

    @Test
    void childrenAndExperimentsPageWithContinuationTokens() throws Exception {
        JsonNode children = client.json("/history/v1.0" + w + "/runs/job-0007/children");
        assertThat(children.get("value")).extracting(c -> c.get("displayName").asText()).containsExactly("prep", "train");
        HttpResponse<String> first = client.send("POST", "/history/v1.0" + w + "/experiments:query", "{\"top\": 3}");
        JsonNode page = Json.parse(first.body().getBytes());
        assertThat(page.get("value")).hasSize(3);
        HttpResponse<String> second = client.send("POST", "/history/v1.0" + w + "/experiments:query",
                "{\"top\": 3, \"continuationToken\": \"" + page.get("continuationToken").asText() + "\"}");
        assertThat(second.body()).contains("experiment-3", "experiment-4").doesNotContain("continuationToken");
    }

    @Test
    void controlEndpointsNeedNoTokenAndDriveTheFake() throws Exception {
        FakeClient anonymous = client.withToken(null);
        assertThat(anonymous.send("POST", "/_fake/jobs/job-0001/status?status=Running", null).statusCode()).isEqualTo(204);
        assertThat(client.json(w + "/jobs/job-0001?api-version=2024-10-01").at("/properties/status").asText()).isEqualTo("Running");
        anonymous.send("POST", "/_fake/faults", "{\"kind\": \"throttle\", \"retryAfter\": 2, \"path\": \"/computes\"}");
        assertThat(client.get(w + "/computes?api-version=2024-10-01").statusCode()).isEqualTo(429);
        assertThat(anonymous.get("/_fake/violations").body()).isEqualTo("[]");
    }
}
