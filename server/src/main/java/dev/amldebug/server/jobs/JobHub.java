package dev.amldebug.server.jobs;

import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.target.PathMapping;
import java.nio.file.Path;
import java.util.List;

/**
 * The debug hub a connect-back job's processes dial: open until the job ends.
 *
 * @param mappings  a process's working directory is the job's code folder, as in the guide
 * @param processes how many processes of the job dial it
 */
public record JobHub(String jobName, DebugHub hub, Path codeFolder, List<PathMapping> mappings, int processes) {
}
