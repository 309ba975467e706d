package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/** Waits for a submitted job to end, then prints its status and each step's (a pipeline's); 0 when it completed. */
final class JobEnd {
    private final WorkspaceClient workspace;
    private final PrintWriter out;

    JobEnd(WorkspaceClient workspace, PrintWriter out) {
        this.workspace = workspace;
        this.out = out;
    }

    int await(String jobName) throws InterruptedException {
        out.println("Waiting for job " + jobName + " to end...");
        out.flush();
        Job job = workspace.jobs().get(jobName);
        long delay = 500;
        while (!job.status().terminal()) {
            TimeUnit.MILLISECONDS.sleep(delay);
            delay = Math.min(delay * 2, 5000);
            job = workspace.jobs().get(jobName);
        }
        Page<Job> steps = workspace.jobs().children(jobName, null);
        for (Job step : steps.items()) {
            out.println("  " + (step.displayName() != null ? step.displayName() : step.name()) + ": " + step.status());
        }
        out.println(job.name() + ": " + job.status());
        out.flush();
        return job.status() == JobStatus.Completed ? 0 : 1;
    }
}
