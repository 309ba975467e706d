package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import dev.amldebug.azure.http.Rest;
import dev.amldebug.azure.http.RestResponse;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cancel's long-running operation: poll Azure-AsyncOperation (its status) or else Location (202 until done),
 * waiting as Retry-After says, then the job until it reads Canceled (or ended otherwise).
 */
final class CancelPolling {
    private final Rest arm;
    private final Instant deadline;
    private final Duration timeout;
    private final String jobName;
    private final Supplier<Job> job;
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    CancelPolling(Rest arm, Duration timeout, String jobName, Supplier<Job> job) {
        this.arm = arm;
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
        this.jobName = jobName;
        this.job = job;
    }

    Job await(RestResponse accepted) {
        pollOperation(accepted);
        while (true) {
            Job current = job.get();
            if (current.status() == JobStatus.Canceled || current.status().terminal()) {
                return current;
            }
            pause(null);
        }
    }

    private void pollOperation(RestResponse accepted) {
        if (accepted.status() != 202) {
            return;
        }
        String asyncOperation = accepted.header("Azure-AsyncOperation");
        String location = accepted.header("Location");
        What what = What.of("the cancel of job " + jobName, "`aml-debug azure jobs list`");
        RestResponse last = accepted;
        while (true) {
            pause(last.header("Retry-After"));
            if (asyncOperation != null) {
                last = arm.send(HttpMethod.GET, URI.create(asyncOperation), null, Map.of(), what);
                String status = Json.text(last.json(), "status");
                if ("Succeeded".equalsIgnoreCase(status)) {
                    return;
                }
                if ("Failed".equalsIgnoreCase(status) || "Canceled".equalsIgnoreCase(status)) {
                    throw AmlDebugException.environment("Azure ML could not cancel job " + jobName + " (the operation "
                            + status.toLowerCase(java.util.Locale.ROOT) + "): try `aml-debug azure jobs cancel "
                            + jobName + "` again, or cancel it in Azure ML studio.", null);
                }
            } else if (location != null) {
                last = arm.send(HttpMethod.GET, URI.create(location), null, Map.of(), what);
                if (last.status() != 202) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private void pause(String retryAfter) {
        Duration wait = retryAfter != null && retryAfter.matches("\\d+")
                ? Duration.ofSeconds(Long.parseLong(retryAfter)) : backoff.next();
        if (Instant.now().plus(wait).isAfter(deadline)) {
            throw AmlDebugException.environment("Job " + jobName + " was not canceled within " + timeout.toSeconds()
                    + " s: check it with `aml-debug azure jobs show " + jobName + "`.", null);
        }
        Backoff.sleep(wait);
    }
}
