package dev.amldebug.server.jobs;

import dev.amldebug.azure.Job;
import java.util.concurrent.CompletableFuture;

/**
 * A job the service submitted.
 *
 * @param watching done when every watch for the job's debuggees ended (at once when nothing is watched)
 */
public record SubmittedJob(Job job, String studioUrl, CompletableFuture<Void> watching) {
}
