package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azure.config.AzureEndpoints;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.credentials.AzureCredentials;
import dev.amldebug.azurefake.recorded.RecordedSession;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Our client against what the real Azure ML service answered (recorded by the Azure SDK for Python's tests). */
class RecordedTrafficIT {
    private static final String CHILD_RUN = "test_pipeline_job.pyTestPipelineJobLongRunningtest_pipeline_job_get_child_run.json";

    @Test
    void aPipelineStepIsReadFromRunHistoryWithItsStatusTypeParentAndTimes() throws Exception {
        try (RecordedSession service = RecordedSession.start(CHILD_RUN)) {
            Job step = workspace(service).jobs().get("314b2cbf-5bab-40de-984c-d551970107f1");

            assertThat(step.status()).isEqualTo(JobStatus.Completed);
            assertThat(step.jobType()).isEqualTo("azureml.StepRun");
            assertThat(step.displayName()).isEqualTo("hello_world_inline_commandjob_1");
            assertThat(step.parentJobName()).isEqualTo("test_259228612667");
            assertThat(step.startTime()).isEqualTo(Instant.parse("2023-02-12T04:58:36.9345759Z"));
            assertThat(step.endTime()).isEqualTo(Instant.parse("2023-02-12T04:58:37.0322905Z"));
            assertThat(service.unanswered()).isEmpty();
        }
    }

    @Test
    void aPipelinesTimesAreItsExecutionsNotItsCreation() throws Exception {
        try (RecordedSession service = RecordedSession.start(CHILD_RUN)) {
            Job pipeline = workspace(service).jobs().get("test_259228612667");

            assertThat(pipeline.status()).isEqualTo(JobStatus.Completed);
            assertThat(pipeline.jobType()).isEqualTo("Pipeline");
            assertThat(pipeline.startTime()).isEqualTo(Instant.parse("2023-02-12T04:58:36.696545Z"));
            assertThat(pipeline.endTime()).isEqualTo(Instant.parse("2023-02-12T04:58:37.3949075Z"));
            assertThat(pipeline.duration()).isBetween(Duration.ofMillis(698), Duration.ofMillis(699));
        }
    }

    @Test
    void theStepsOfAPipelineComeFromRunHistoryWithTheirParent() throws Exception {
        try (RecordedSession service = RecordedSession.start(CHILD_RUN)) {
            var steps = workspace(service).jobs().children("test_259228612667", null).items();

            assertThat(steps).isNotEmpty().allSatisfy(step -> {
                assertThat(step.parentJobName()).isEqualTo("test_259228612667");
                assertThat(step.status()).isEqualTo(JobStatus.Completed);
                assertThat(step.endTime()).isAfter(step.startTime());
            });
        }
    }

    @Test
    void aCancelIsPolledThroughItsLocationAsTheServiceAnswersIt() throws Exception {
        try (RecordedSession service = RecordedSession.start(
                "test_control_flow_pipeline.pyTestIfElsetest_if_else_literal_condition.json")) {
            AzureMlClient client = client(service);
            URI cancel = client.endpoints().resolve(RecordedSession.WORKSPACE_ID + "/jobs/test_61819783419/cancel?"
                    + AzureMlClient.ML_API);
            var accepted = client.arm().send(com.azure.core.http.HttpMethod.POST, cancel, null, java.util.Map.of(),
                    dev.amldebug.azure.http.What.of("the cancel", "nothing"));
            Job canceled = new Job(null, "test_61819783419", null, "Pipeline", null, JobStatus.Canceled, null, null, null, null, null);

            Job ended = new CancelPolling(client.arm(), Duration.ofSeconds(60), "test_61819783419", () -> canceled)
                    .await(cancel, accepted);

            assertThat(ended.status()).isEqualTo(JobStatus.Canceled);
            assertThat(service.served()).hasSize(3).last().asString().contains("/mfeOperationResults/");
            assertThat(service.unanswered()).isEmpty();
        }
    }

    private static WorkspaceClient workspace(RecordedSession service) {
        return client(service).workspaceClient(WorkspaceId.parse(RecordedSession.WORKSPACE_ID));
    }

    private static AzureMlClient client(RecordedSession service) {
        return AzureMlClient.builder()
                .credential(AzureCredentials.ofToken("recorded", OffsetDateTime.now().plusHours(1)))
                .endpoints(AzureEndpoints.of(URI.create(service.origin())))
                .caBundle(service.caBundle())
                .build();
    }
}
