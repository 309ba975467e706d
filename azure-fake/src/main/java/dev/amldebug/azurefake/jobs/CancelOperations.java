package dev.amldebug.azurefake.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-running cancels: a cancel reads InProgress for a few polls (the job reads CancelRequested), then Succeeded (the job
 * reads Canceled). Polls through Azure-AsyncOperation and through Location count alike.
 */
public final class CancelOperations {
    /** One cancel in flight. */
    public static final class Operation {
        public final String id;
        public final JobStore store;
        public final String jobName;
        private int pollsLeft;

        Operation(String id, JobStore store, String jobName, int polls) {
            this.id = id;
            this.store = store;
            this.jobName = jobName;
            this.pollsLeft = polls;
        }

        /** Counts one poll; returns the operation's status after it. */
        public synchronized String poll() {
            if (pollsLeft > 0) {
                pollsLeft--;
                return "InProgress";
            }
            store.find(jobName).filter(j -> j.status.equals("CancelRequested")).ifPresent(j -> store.setStatus(jobName, "Canceled"));
            return "Succeeded";
        }
    }

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final int polls;

    public CancelOperations(int polls) {
        this.polls = polls;
    }

    public Operation start(JobStore store, String jobName) {
        store.find(jobName).filter(j -> !j.terminal()).ifPresent(j -> store.setStatus(jobName, "CancelRequested"));
        Operation operation = new Operation(UUID.randomUUID().toString(), store, jobName, polls);
        operations.put(operation.id, operation);
        return operation;
    }

    public Optional<Operation> find(String id) {
        return Optional.ofNullable(operations.get(id));
    }
}
