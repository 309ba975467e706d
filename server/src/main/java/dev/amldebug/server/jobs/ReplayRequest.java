package dev.amldebug.server.jobs;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A cloud job (or a step of it) to bring here and run as a local job.
 *
 * @param step        the pipeline step (its name or run id), or null for the job itself
 * @param inputs      local paths that stand in for the job's inputs, by name
 * @param environment an environment YAML to run in instead of the job's, or null
 * @param inputHint   what to tell the user about an input outside the workspace storage, by run id and input name
 */
public record ReplayRequest(String job, String step, Map<String, Path> inputs, Path environment,
                            BiFunction<String, String, String> inputHint) {
    public ReplayRequest {
        inputs = Map.copyOf(inputs);
    }
}
