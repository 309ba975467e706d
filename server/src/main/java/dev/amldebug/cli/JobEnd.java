package dev.amldebug.cli;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.JobStatus;
import dev.amldebug.azure.Page;
import dev.amldebug.azure.WorkspaceClient;
import dev.amldebug.cli.output.StatusStyle;
import dev.amldebug.cli.progress.Progress;
import dev.amldebug.server.jobs.JobWait;
import java.io.PrintWriter;

/** Waits for a submitted job to end, then prints its status and each step's (a pipeline's); 0 when it completed. */
final class JobEnd {
    private final WorkspaceClient workspace;
    private final PrintWriter out;
    private final Progress spinners;
    private final boolean colour;

    /** @param spinners shows the wait as a spinner too (or null) */
    JobEnd(WorkspaceClient workspace, PrintWriter out, Progress spinners, boolean colour) {
        this.workspace = workspace;
        this.out = out;
        this.colour = colour;
        this.spinners = spinners;
    }

    int await(String jobName) throws InterruptedException {
        out.println("Waiting for job " + jobName + " to end...");
        out.flush();
        Job job;
        try (Progress.Task waiting = spinners == null ? null : spinners.waiting("Waiting for job " + jobName + " to end", null)) {
            job = new JobWait(workspace).awaitEnd(jobName);
        }
        Page<Job> steps = workspace.jobs().children(jobName, null);
        for (Job step : steps.items()) {
            out.println("  " + (step.displayName() != null ? step.displayName() : step.name()) + ": " + StatusStyle.paint(step.status().name(), colour));
        }
        out.println(job.name() + ": " + StatusStyle.paint(job.status().name(), colour));
        out.flush();
        return job.status() == JobStatus.Completed ? 0 : 1;
    }
}
