package dev.amldebug.runner.run;

import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings run records up to date with Docker for runs that no live process follows: a
 * detached run, or one whose aml-debug process died. Nothing is orphaned silently: every
 * change is returned as a sentence and written to the run's control log.
 */
public final class Reconciler {
    private final RunStore store;
    private final RunContainers containers;

    public Reconciler(RunStore store, RunContainers containers) {
        this.store = store;
        this.containers = containers;
    }

    public List<String> reconcile() throws InterruptedException {
        List<String> notes = new ArrayList<>();
        for (RunRecord record : store.list()) {
            if (record.isActive() && !RunOwner.isAlive(record)) {
                String note;
                try {
                    note = reconcile(record);
                } catch (RuntimeException e) {
                    // One run that cannot be recorded (a full disk) never keeps the others from being listed.
                    notes.add("Run " + record.id + " could not be reconciled: " + e.getMessage());
                    continue;
                }
                if (note != null) {
                    notes.add(note);
                    new ControlLog(store.controlLog(record.id), RunListener.NONE).line(note);
                }
            }
        }
        return notes;
    }

    private String reconcile(RunRecord record) throws InterruptedException {
        RunFinisher finisher = new RunFinisher(store, containers);
        List<Container> found = containers.findAll(record.id);
        if (found.isEmpty()) {
            finisher.fail(record.id, "the aml-debug process that ran it ended, and its container is gone");
            return "Run " + record.id + " was " + record.status + " but its process ended and no container is left;"
                    + " recorded as Failed.";
        }
        if (record.kind == RunKind.distributed && stopAfterFailedNode(found)) {
            found = containers.findAll(record.id);
        }
        if (found.stream().anyMatch(RunContainers::isRunning)) {
            if (record.detached) {
                return null;
            }
            store.update(record.id, r -> {
                r.detached = true;
                r.ownerPid = null;
                r.ownerStartedAt = null;
            });
            return "Run " + record.id + " keeps running after the aml-debug process that followed it ended."
                    + " Follow it with: aml-debug runs logs " + record.id + " --follow";
        }
        RunRecord ended = finisher.finishUnfollowed(record.id, found);
        String how = ended.distributed().failedRank() != null ? ended.error : "exit code " + ended.exitCode;
        return "Run " + record.id + " ended while nobody followed it: " + ended.status + " (" + how + ")."
                + " Its logs are in " + store.dir(record.id);
    }

    /** A node that failed fails the job, as on Azure ML: the other nodes would wait for it forever. */
    private boolean stopAfterFailedNode(List<Container> nodes) {
        boolean failed = nodes.stream().anyMatch(c -> !RunContainers.isRunning(c) && containers.exitCode(c.getId()) != 0);
        List<String> running = nodes.stream().filter(RunContainers::isRunning).map(Container::getId).toList();
        if (!failed || running.isEmpty()) {
            return false;
        }
        containers.stopAll(running);
        return true;
    }
}
