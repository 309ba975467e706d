package dev.amldebug.runner.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The contents of a run's {@code run.json}. Field names are a contract: tools read this file. */
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
    /** Why the run failed, when it failed before or outside the script. */
    public String error;
    /** The process that watches the run and records its end; gone means someone else must. */
    public Long ownerPid;
    public Instant ownerStartedAt;
    /** Started with --detach: nobody streams its logs until it is reconciled. */
    public boolean detached;
    public boolean cancelRequested;
    /** Deployments: Starting, Healthy, Unhealthy, Failed or Stopped. */
    public DeploymentHealth health;
    /** Deployments: where requests go, http://127.0.0.1:PORT/score. */
    public String scoringUri;
    /** Deployments: a restart is under way; whoever follows the deployment keeps following it. */
    public boolean restartRequested;
    /** Deployments without --debug: where port 5678 is published, for a score.py that calls debugpy.listen itself. */
    public String scriptDebugEndpoint;
    /** Debug runs with post-mortem: the exception the script raised and did not handle, once it waits for a debugger. */
    public String postMortem;
    /** Deployments: the model, mounted at AZUREML_MODEL_DIR. */
    public dev.amldebug.runner.deploy.ModelRef model;

    /** Pipeline steps: the pipeline run this step belongs to. */
    public String parentId;
    /** Pipeline steps: the step's name under {@code jobs:} in the pipeline YAML. */
    public String stepName;
    /** Pipelines: step name -> child run id, in dependency order. */
    public java.util.LinkedHashMap<String, String> steps;
    /** Pipeline steps: the hash of code, command, environment and inputs that Azure ML's reuse rule compares. */
    public String reuseKey;
    /** Pipeline steps: the run whose outputs this step reused instead of running; its outputs are that run's. */
    public String reusedFrom;
    /** Pipeline steps that ran: the hash of their outputs when they completed; reuse needs them unchanged. */
    public String outputsHash;

    /** Distributed runs: pytorch, mpi or tensorflow. */
    public String distribution;
    /** Distributed runs: how many nodes (containers), and how many processes (ranks) in all. */
    public Integer nodes;
    public Integer ranks;
    /** Distributed runs: the container of each node, node 0 first. */
    public java.util.List<String> nodeContainerIds;
    /** Distributed runs: the rank that failed first; {@code exitCode} is its exit code and {@code error} its last line. */
    public Integer failedRank;

    @JsonIgnore
    public boolean isActive() {
        return status != null && !status.isTerminal();
    }
}
