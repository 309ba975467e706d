package dev.amldebug.azure;

import java.time.Duration;
import java.time.Instant;

/** A job (ARM) or a pipeline step (run history; then {@code parentJobName} is set). */
public record Job(String id, String name, String displayName, String jobType, String experimentName, JobStatus status,
        String computeId, Instant startTime, Instant endTime, String studioUrl, String parentJobName) {

    /** Null when the job has not started; up to now while it runs. */
    public Duration duration() {
        if (startTime == null) {
            return null;
        }
        return Duration.between(startTime, endTime == null ? Instant.now() : endTime);
    }
}
