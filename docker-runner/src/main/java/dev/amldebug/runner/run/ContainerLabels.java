package dev.amldebug.runner.run;

/** Labels on every run container, so runs can be found again after the process that started them is gone. */
public final class ContainerLabels {
    public static final String MANAGED = "dev.amldebug.managed";
    public static final String RUN_ID = "dev.amldebug.run-id";
    public static final String WORKSPACE = "dev.amldebug.workspace";
    public static final String EXPERIMENT = "dev.amldebug.experiment";
    /** Distributed runs: the node rank of the container. */
    public static final String NODE = "dev.amldebug.node";

    private ContainerLabels() {
    }

    public static String containerName(String runId) {
        return "aml-debug-" + runId;
    }
}
