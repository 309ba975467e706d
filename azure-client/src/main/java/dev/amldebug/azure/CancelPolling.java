package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.PollingStrategyOptions;
import com.azure.core.util.polling.SyncDefaultPollingStrategy;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.TypeReference;
import dev.amldebug.azure.http.Rest;
import dev.amldebug.azure.http.RestResponse;
import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.Locale;

/** A cancel: its long-running operation to its end, then the job until it reads Canceled (or ended otherwise). */
final class CancelPolling {
    private final Rest arm;
    private final Instant deadline;
    private final Duration timeout;
    private final String jobName;
    private final Supplier<Job> job;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    CancelPolling(Rest arm, Duration timeout, String jobName, Supplier<Job> job) {
        this.arm = arm;
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
        this.jobName = jobName;
        this.job = job;
    }

    Job await(URI cancelUrl, RestResponse accepted) {
        pollOperation(cancelUrl, accepted);
        while (true) {
            Job current = job.get();
            if (current.status() == JobStatus.Canceled || current.status().terminal()) {
                return current;
            }
            pause();
        }
    }

    /**
     * The cancel's long-running operation, polled by azure-core's default strategy: Azure-AsyncOperation's status
     * where given, else the Location (202 until done, as recorded: 202 {} then 200 with no body), waiting as
     * Retry-After says.
     */
    private void pollOperation(URI cancelUrl, RestResponse accepted) {
        if (accepted.status() != 202) {
            return;
        }
        HttpRequest request = new HttpRequest(HttpMethod.POST, cancelUrl.toString());
        SyncPoller<BinaryData, BinaryData> poller = SyncPoller.createPoller(POLL_INTERVAL,
                () -> new SimpleResponse<>(request, accepted.status(), accepted.headers(), BinaryData.fromBytes(accepted.body())),
                new SyncDefaultPollingStrategy<>(new PollingStrategyOptions(arm.pipeline())),
                TypeReference.createInstance(BinaryData.class), TypeReference.createInstance(BinaryData.class));
        PollResponse<BinaryData> last;
        try {
            last = poller.waitForCompletion(Duration.between(Instant.now(), deadline));
        } catch (RuntimeException e) {
            if (Instant.now().isAfter(deadline.minusMillis(100))) {
                throw notCanceledInTime();
            }
            throw AmlDebugException.environment("Azure ML did not answer the cancel of job " + jobName + " as expected ("
                    + e.getMessage() + "): check it with `aml-debug azure jobs show " + jobName + "`.", e);
        }
        LongRunningOperationStatus status = last.getStatus();
        if (status == LongRunningOperationStatus.FAILED || status == LongRunningOperationStatus.USER_CANCELLED) {
            throw AmlDebugException.environment("Azure ML could not cancel job " + jobName + " (the operation "
                    + status.toString().toLowerCase(Locale.ROOT) + "): try `aml-debug azure jobs cancel "
                    + jobName + "` again, or cancel it in Azure ML studio.", null);
        }
    }

    private AmlDebugException notCanceledInTime() {
        return AmlDebugException.environment("Job " + jobName + " was not canceled within " + timeout.toSeconds()
                + " s: check it with `aml-debug azure jobs show " + jobName + "`.", null);
    }

    private void pause() {
        Duration wait = backoff.next();
        if (Instant.now().plus(wait).isAfter(deadline)) {
            throw notCanceledInTime();
        }
        Backoff.sleep(wait);
    }
}
