package dev.amldebug.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.Job;

/** An Azure ML job as {@code azure jobs list|show -o json} print it: the same fields for every job (docs/protocol.md). */
final class JobJson {
    private JobJson() {
    }

    static ObjectNode of(Job job) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", job.name());
        json.put("displayName", job.displayName());
        json.put("type", job.jobType());
        json.put("experiment", job.experimentName());
        json.put("status", job.status() == null ? null : job.status().name());
        json.put("compute", job.computeId() == null ? null : job.computeId().replaceAll(".*/", ""));
        json.put("startedAt", RunJson.time(job.startTime()));
        json.put("endedAt", RunJson.time(job.endTime()));
        json.put("durationSeconds", RunJson.seconds(job.startTime(), job.endTime()));
        json.put("parentJob", job.parentJobName());
        json.put("studioUrl", job.studioUrl());
        json.put("id", job.id());
        return json;
    }
}
