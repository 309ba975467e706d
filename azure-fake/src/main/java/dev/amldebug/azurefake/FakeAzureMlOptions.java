package dev.amldebug.azurefake;

import java.nio.file.Path;

/** How to start the fake; {@link #defaults()} then withers. */
public record FakeAzureMlOptions(String subscriptionId, String resourceGroup, String workspace, int jobs, int pageSize, int dataPlanePageSize,
                                 int cancelPolls, int port, Path stateDir, boolean azuriteAtStart,
                                 String realRunsDocker, String realRunsImage) {
    /** The image a really run job gets: the base image our tests build, standing in for the compute's. */
    public static final String DEFAULT_RUN_IMAGE = "aml-debug/python:bookworm";

    public static FakeAzureMlOptions defaults() {
        return new FakeAzureMlOptions("00000000-1111-2222-3333-444444444444", "aml-debug-rg", "aml-debug-ws", 12, 5, 5, 2, 0, null, false, null,
                DEFAULT_RUN_IMAGE);
    }

    public FakeAzureMlOptions withJobs(int n) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, n, pageSize, dataPlanePageSize, cancelPolls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
    }

    public FakeAzureMlOptions withPageSize(int k) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, k, k, cancelPolls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
    }

    public FakeAzureMlOptions withCancelPolls(int polls) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, polls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
    }

    public FakeAzureMlOptions withPort(int p) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, p, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
    }

    public FakeAzureMlOptions withStateDir(Path dir) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, dir, azuriteAtStart, realRunsDocker, realRunsImage);
    }

    /**
     * Submitted command jobs really run: in a container of {@code image} (the compute's image) on a Docker network of
     * their own, through the docker command line {@code dockerCli} ("docker" on the PATH).
     */
    public FakeAzureMlOptions withRealRuns(String dockerCli, String image) {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, stateDir,
                azuriteAtStart, dockerCli, image);
    }

    public FakeAzureMlOptions withRealRuns(String dockerCli) {
        return withRealRuns(dockerCli, realRunsImage);
    }

    public boolean realRuns() {
        return realRunsDocker != null;
    }

    public FakeAzureMlOptions withAzuriteAtStart() {
        return new FakeAzureMlOptions(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, stateDir, true, realRunsDocker, realRunsImage);
    }
}
