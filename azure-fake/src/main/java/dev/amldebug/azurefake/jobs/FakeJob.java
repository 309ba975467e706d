package dev.amldebug.azurefake.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A job's state in the fake: what ARM and run history report for it. Mutated only under its store's lock. */
public final class FakeJob {
    public final String name;
    public final String jobType;
    public final String parentName;
    public final Instant created;
    public String displayName;
    public String experimentName;
    public String computeId;
    public String status;
    public Instant startTime;
    public Instant endTime;
    /** The submitted properties for a created job, null for a seeded one. */
    public ObjectNode submitted;
    /** Run in a real container by the fake's stand-in compute: its statuses come from there, not from reads. */
    public boolean realRun;

    public FakeJob(String name, String jobType, String parentName, Instant created) {
        this.name = name;
        this.jobType = jobType;
        this.parentName = parentName;
        this.created = created;
    }

    public boolean terminal() {
        return switch (status) {
            case "Completed", "Failed", "Canceled", "NotResponding", "Paused" -> true;
            default -> false;
        };
    }
}
