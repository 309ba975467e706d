package dev.amldebug.server.jobs;

import dev.amldebug.azure.Job;
import dev.amldebug.azure.WorkspaceClient;
import java.util.concurrent.TimeUnit;

/** Polls a job until it ends: every half second at first, then less often, up to every 5 s. */
public final class JobWait {
    private final WorkspaceClient workspace;

    public JobWait(WorkspaceClient workspace) {
        this.workspace = workspace;
    }

    public Job awaitEnd(String jobName) throws InterruptedException {
        Job job = workspace.jobs().get(jobName);
        long delay = 500;
        while (!job.status().terminal()) {
            TimeUnit.MILLISECONDS.sleep(delay);
            delay = Math.min(delay * 2, 5000);
            job = workspace.jobs().get(jobName);
        }
        return job;
    }
}
