package dev.amldebug.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** What run history says of a run: its status and its log files with their signed URLs. */
record RunDetails(JobStatus status, List<LogFile> logFiles) {
    static RunDetails of(JsonNode body) {
        List<LogFile> files = new ArrayList<>();
        body.path("logFiles").fields().forEachRemaining(entry ->
                files.add(new LogFile(entry.getKey(), URI.create(entry.getValue().asText()))));
        return new RunDetails(JobStatus.of(Json.text(body, "status")), files);
    }
}
