package dev.amldebug.azurefake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anonymous component versions as a pipeline's steps register them, and pipeline jobs whose steps reference them. */
class ComponentVersionsTest {
    private static final String COMPONENT = """
            {"properties": {"description": null, "tags": {}, "properties": {}, "isArchived": false, "isAnonymous": true,
             "componentSpec": {"name": "azureml_anonymous", "version": "1", "type": "command", "_source": "YAML.JOB",
              "is_deterministic": true, "command": "echo hi > ${{outputs.out}}/hi.txt",
              "environment": "azureml:sklearn-env:3", "inputs": {}, "outputs": {"out": {"type": "uri_folder"}}}}}""";
    private FakeAzureMl fake;
    private FakeClient client;
    private String w;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAzureMl.start(FakeAzureMlOptions.defaults().withJobs(0));
        client = new FakeClient(fake);
        w = fake.workspace().armId();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String pipeline(String componentId) {
        return """
                {"properties": {"jobType": "Pipeline", "experimentName": "e", "settings": {"_source": "YAML.JOB"},
                 "jobs": {"hello": {"name": "hello", "type": "command", "_source": "YAML.JOB", "componentId": "%s",
                  "computeId": "%s/computes/cpu-cluster"}}}}""".formatted(componentId, w);
    }

    @Test
    void aComponentVersionIsCreatedAndReadBackShapedAsTheRecordedAnswer() throws Exception {
        String path = w + "/components/azureml_anonymous/versions/8e724bf9-46d9-9dc8-e29f-9b1d85ceb4c3?api-version=2024-10-01";
        HttpResponse<String> created = client.send("PUT", path, COMPONENT);
        HttpResponse<String> again = client.send("PUT", path, COMPONENT);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(created.body());
        assertThat(body.path("id").asText()).isEqualTo(w + "/components/azureml_anonymous/versions/8e724bf9-46d9-9dc8-e29f-9b1d85ceb4c3");
        assertThat(body.path("name").asText()).isEqualTo("8e724bf9-46d9-9dc8-e29f-9b1d85ceb4c3");
        assertThat(body.path("type").asText()).isEqualTo("Microsoft.MachineLearningServices/workspaces/components/versions");
        assertThat(body.path("systemData").path("createdByType").asText()).isEqualTo("User");
        assertThat(body.path("properties").path("isAnonymous").asBoolean()).isTrue();
        assertThat(body.path("properties").path("componentSpec").path("command").asText()).isEqualTo("echo hi > ${{outputs.out}}/hi.txt");
        assertThat(client.json(path).path("properties").path("componentSpec").path("type").asText()).isEqualTo("command");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aComponentVersionThatBreaksTheSchemaIsRefused() throws Exception {
        HttpResponse<String> wrong = client.send("PUT", w + "/components/azureml_anonymous/versions/1?api-version=2024-10-01",
                "{\"properties\": {\"componentSpec\": \"python train.py\"}}");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(fake.violations()).hasSize(1);
    }

    @Test
    void aPipelineWhoseStepsReferenceStoredComponentsIsCreated() throws Exception {
        client.send("PUT", w + "/components/azureml_anonymous/versions/abc?api-version=2024-10-01", COMPONENT);

        HttpResponse<String> created = client.send("PUT", w + "/jobs/p1?api-version=2024-10-01",
                pipeline("azureml:" + w + "/components/azureml_anonymous/versions/abc"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aStepWhoseComponentIsUnknownIsAUserError() throws Exception {
        HttpResponse<String> refused = client.send("PUT", w + "/jobs/p2?api-version=2024-10-01",
                pipeline(w + "/components/azureml_anonymous/versions/never-put"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"UserError\"").contains("Step 'hello' references the component");
        assertThat(fake.workspace().jobs.find("p2")).isEmpty();
    }

    @Test
    void aStepWithoutAComponentIsAUserError() throws Exception {
        HttpResponse<String> refused = client.send("PUT", w + "/jobs/p3?api-version=2024-10-01", """
                {"properties": {"jobType": "Pipeline", "jobs": {"inline": {"type": "command", "command": "echo hi"}}}}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Step 'inline' has no componentId");
    }
}
