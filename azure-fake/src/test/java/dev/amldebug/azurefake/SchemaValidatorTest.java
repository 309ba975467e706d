package dev.amldebug.azurefake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.http.Json;
import dev.amldebug.azurefake.schema.SchemaValidator;
import dev.amldebug.azurefake.schema.SwaggerDefinitions;
import dev.amldebug.azurefake.schema.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private final SchemaValidator validator = new SchemaValidator(SwaggerDefinitions.bundled());

    static String commandJob(String extra) {
        return """
                {"properties": {"jobType": "Command", "command": "python train.py", "environmentId": "azureml:sklearn@latest",
                 "computeId": "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/computes/cpu",
                 "experimentName": "exp", "displayName": "train",
                 "inputs": {"data": {"jobInputType": "uri_folder", "uri": "https://x/y/", "mode": "ReadOnlyMount"},
                            "lr": {"jobInputType": "literal", "value": "0.1"}},
                 "outputs": {"model": {"jobOutputType": "uri_folder", "mode": "Upload"}},
                 "distribution": {"distributionType": "PyTorch", "processCountPerInstance": 2},
                 "resources": {"instanceCount": 2, "shmSize": "2g"},
                 "limits": {"jobLimitsType": "Command", "timeout": "PT1H"},
                 "services": {"debug": {"jobServiceType": "custom", "port": 5678}},
                 "environmentVariables": {"A": "1"}%s}}
                """.formatted(extra);
    }

    private List<Violation> check(String body) throws Exception {
        JsonNode node = Json.parse(body.getBytes());
        return validator.check("Jobs_CreateOrUpdate", "JobBaseResource", node);
    }

    @Test
    void acceptsACommandJobAsTheClientSendsIt() throws Exception {
        assertThat(check(commandJob(""))).isEmpty();
    }

    @Test
    void aMissingRequiredPropertyIsAViolation() throws Exception {
        List<Violation> found = check("{\"properties\": {\"jobType\": \"Command\", \"environmentId\": \"azureml:env@latest\"}}");
        assertThat(found).extracting(Violation::path).containsExactly("$.properties.command");
        assertThat(found.get(0).problem()).isEqualTo("is required");
    }

    @Test
    void aDiscriminatorThatDisagreesWithTheDeclaredSubtypeIsAViolation() throws Exception {
        List<Violation> found = check(commandJob(", \"limits\": {\"jobLimitsType\": \"Sweep\"}").replace("\"limits\": {\"jobLimitsType\": \"Command\", \"timeout\": \"PT1H\"},", ""));
        assertThat(found).extracting(Violation::path).containsExactly("$.properties.limits.jobLimitsType");
    }

    @Test
    void anUnknownDiscriminatorValueIsAViolation() throws Exception {
        List<Violation> found = check(commandJob("").replace("\"PyTorch\"", "\"Horovod\""));
        assertThat(found).extracting(Violation::path).containsExactly("$.properties.distribution.distributionType");
    }

    @Test
    void propertiesOfAnotherSubtypeAreViolations() throws Exception {
        List<Violation> found = check(commandJob(", \"jobs\": {}"));
        assertThat(found).extracting(Violation::path).containsExactly("$.properties.jobs");
    }

    @Test
    void readOnlyPropertiesInARequestAreViolations() throws Exception {
        List<Violation> found = check(commandJob(", \"status\": \"Running\""));
        assertThat(found).extracting(Violation::path).containsExactly("$.properties.status");
    }

    @Test
    void checksTypesEnumsNullsAndFormats() throws Exception {
        String body = commandJob("").replace("\"instanceCount\": 2", "\"instanceCount\": \"two\"")
                .replace("\"ReadOnlyMount\"", "\"Mounted\"")
                .replace("\"PT1H\"", "\"one hour\"")
                .replace("\"displayName\": \"train\"", "\"displayName\": null");
        assertThat(check(body)).extracting(Violation::path).containsExactlyInAnyOrder(
                "$.properties.resources.instanceCount", "$.properties.inputs.data.mode", "$.properties.limits.timeout");
        assertThat(check(commandJob("").replace("\"command\": \"python train.py\"", "\"command\": null")))
                .extracting(Violation::path).containsExactly("$.properties.command");
    }

    @Test
    void acceptsAPipelineJobAndACodeVersion() throws Exception {
        assertThat(check("{\"properties\": {\"jobType\": \"Pipeline\", \"jobs\": {\"a\": {\"type\": \"command\"}}, \"settings\": {}}}")).isEmpty();
        JsonNode code = Json.parse("{\"properties\": {\"codeUri\": \"https://x/c\", \"isAnonymous\": true}}".getBytes());
        assertThat(validator.check("CodeVersions_CreateOrUpdate", "CodeVersionResource", code)).isEmpty();
        JsonNode upload = Json.parse("{\"pendingUploadType\": \"TemporaryBlobReference\"}".getBytes());
        assertThat(validator.check("CodeVersions_CreateOrGetStartPendingUpload", "PendingUploadRequestDto", upload)).isEmpty();
    }
}
