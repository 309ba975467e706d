package dev.amldebug.server.azure;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.errors.AmlDebugException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline's steps are the job's children in run history, as the SDK finds them. A step is named by its step
 * (display) name or by its run id.
 */
public final class JobSteps {
    private JobSteps() {
    }

    /** The run id of the job's step named {@code step}, or the job's own name when no step is asked for. */
    public static String resolve(WorkspaceClient workspace, String job, String step) {
        if (step == null) {
            return job;
        }
        List<String> names = new ArrayList<>();
        String page = null;
        do {
            Page<Job> children = workspace.jobs().children(job, page);
            for (Job child : children.items()) {
                if (step.equals(child.name()) || step.equals(child.displayName())) {
                    return child.name();
                }
                names.add(child.displayName() != null ? child.displayName() : child.name());
            }
            page = children.nextLink();
        } while (page != null);
        throw AmlDebugException.notFound("Job " + job + " has no step '" + step + "': "
                + (names.isEmpty() ? "it has no steps (name the job itself, without --step)"
                : "its steps are " + String.join(", ", names)) + ".");
    }
}
