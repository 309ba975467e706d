package dev.amldebug.runner.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * The contents of a run's {@code run.json}: the fields every run has, and a part for each kind ({@link #deployment()},
 * {@link #pipeline()}, {@link #step()}, {@link #distributed()}), never null and empty for other kinds. Field names are
 * a contract: tools read this file. The parts are written flat beside the common fields, under the names and in the
 * order run.json has always had, and a part's empty fields are left out, so records of every version read and write
 * alike.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RunRecord {
    public String id;
    /** Records written before kinds existed are command runs. */
    public RunKind kind = RunKind.command;
    public String experiment;
    public String displayName;
    public RunStatus status;
    public Instant createdAt;
    public Instant startedAt;
    public Instant endedAt;
    /** The run specification it was started from (job YAML, .runconfig or script). */
    public String source;
    /** The local code folder, mounted at /aml/code: debuggers map breakpoints between the two. */
    public String codeDir;
    /** For a local replay of a cloud job: "WORKSPACE/JOB" (the job's workspace name and its job or step run id). */
    public String replayOf;
    public String image;
    public Integer exitCode;
    public String containerId;
    /** host:port where a debugger can attach, for debug runs. */
    public String debugEndpoint;
    /**
     * host:port where a run started without a debugger takes one on request (the dormant hook); once it did, this is
     * also its {@link #debugEndpoint}.
     */
    public String attachEndpoint;
    /** Why the run failed, when it failed before or outside the script. */
    public String error;
    /** The process that watches the run and records its end; gone means someone else must. */
    public Long ownerPid;
    public Instant ownerStartedAt;
    /** Started with --detach: nobody streams its logs until it is reconciled. */
    public boolean detached;
    public boolean cancelRequested;

    @JsonUnwrapped
    private DeploymentPart deployment = new DeploymentPart();

    /**
     * Debug runs with post-mortem: the exception the script raised and did not handle, once it waits for a debugger.
     * Declared after the deployment's part, where run.json has always had it.
     */
    public String postMortem;

    @JsonUnwrapped
    private StepPart step = new StepPart();

    @JsonUnwrapped
    private PipelinePart pipeline = new PipelinePart();

    @JsonUnwrapped
    private DistributedPart distributed = new DistributedPart();

    /** A deployment's health, scoring address and model. */
    public DeploymentPart deployment() {
        return deployment;
    }

    /** A pipeline step's place in its pipeline, and its reuse. */
    public StepPart step() {
        return step;
    }

    /** A pipeline's steps. */
    public PipelinePart pipeline() {
        return pipeline;
    }

    /** A distributed run's nodes and ranks. */
    public DistributedPart distributed() {
        return distributed;
    }

    @JsonIgnore
    public boolean isActive() {
        return status != null && !status.isTerminal();
    }
}
