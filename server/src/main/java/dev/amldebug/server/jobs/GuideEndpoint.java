package dev.amldebug.server.jobs;

/**
 * Where the guide's debugpy listens: a job whose script starts debugpy itself and logs {@code ip_address: ...}.
 *
 * @param runId the job's run, or its step's
 */
public record GuideEndpoint(String runId, String address) {
}
