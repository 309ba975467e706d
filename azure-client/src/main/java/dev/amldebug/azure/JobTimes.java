package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.io.IOException;

/**
 * When a job started and ended, from its ARM resource's {@code properties.properties} (a string map): {@code
 * StartTimeUtc}/{@code EndTimeUtc} where the service set them, else a pipeline's {@code azureml.pipelines.stages}
 * (a JSON string whose {@code Execution} has {@code StartTime}/{@code EndTime}, as recorded in
 * test_pipeline_job_get_child_run). {@code systemData.createdAt} is when the job was created, not when it started:
 * it is never used as a start.
 */
record JobTimes(Instant start, Instant end) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JobTimes of(JsonNode runProperties) {
        Instant start = parse(Json.text(runProperties, "StartTimeUtc"));
        Instant end = parse(Json.text(runProperties, "EndTimeUtc"));
        String stages = Json.text(runProperties, "azureml.pipelines.stages");
        if (stages != null && (start == null || end == null)) {
            try {
                JsonNode execution = JSON.readTree(stages).path("Execution");
                start = start != null ? start : parse(Json.text(execution, "StartTime"));
                end = end != null ? end : parse(Json.text(execution, "EndTime"));
            } catch (IOException e) {
                // Not JSON: the times stay unknown rather than wrong.
            }
        }
        return new JobTimes(start, end);
    }

    private static Instant parse(String value) {
        return Json.instant(value);
    }
}
