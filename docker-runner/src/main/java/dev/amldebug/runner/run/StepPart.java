package dev.amldebug.runner.run;

/**
 * A pipeline step's part of its {@link RunRecord} (a command run that belongs to a pipeline): its pipeline, its name,
 * and what Azure ML's reuse rule compares. Empty for a run that is no step.
 */
@RunRecordPart
public final class StepPart {
    /** The pipeline run this step belongs to. */
    private String parentId;
    /** The step's name under {@code jobs:} in the pipeline YAML. */
    private String stepName;
    /** The hash of code, command, environment and inputs that Azure ML's reuse rule compares. */
    private String reuseKey;
    /** The run whose outputs this step reused instead of running; its outputs are that run's. */
    private String reusedFrom;
    /** Steps that ran: the hash of their outputs when they completed; reuse needs them unchanged. */
    private String outputsHash;

    /** Whether the run is a pipeline's step. */
    public boolean isStep() {
        return parentId != null;
    }

    /** Places the run in {@code pipelineId} as its step {@code name}. */
    public void placeIn(String pipelineId, String name) {
        this.parentId = pipelineId;
        this.stepName = name;
    }

    public String parentId() {
        return parentId;
    }

    public String stepName() {
        return stepName;
    }

    public String reuseKey() {
        return reuseKey;
    }

    public void setReuseKey(String reuseKey) {
        this.reuseKey = reuseKey;
    }

    public String reusedFrom() {
        return reusedFrom;
    }

    public void setReusedFrom(String reusedFrom) {
        this.reusedFrom = reusedFrom;
    }

    public String outputsHash() {
        return outputsHash;
    }

    public void setOutputsHash(String outputsHash) {
        this.outputsHash = outputsHash;
    }
}
