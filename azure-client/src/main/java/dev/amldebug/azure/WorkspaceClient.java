package dev.amldebug.azure;

import dev.amldebug.azure.config.WorkspaceId;
import java.net.URI;

/** One workspace's jobs, computes, assets, experiments, logs, code uploads, components and downloads. */
public final class WorkspaceClient {
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final DataPlane dataPlane;
    private final JobLogs logs;

    WorkspaceClient(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
        this.dataPlane = new DataPlane(id, client);
        this.logs = new JobLogs(id, client, dataPlane);
    }

    public WorkspaceId id() {
        return id;
    }

    public Jobs jobs() {
        return new Jobs(id, client, dataPlane);
    }

    public Computes computes() {
        return new Computes(id, client);
    }

    public Assets environments() {
        return new Assets(id, client, "environments", "environment");
    }

    public Assets models() {
        return new Assets(id, client, "models", "model");
    }

    public Assets data() {
        return new Assets(id, client, "data", "data asset");
    }

    public Experiments experiments() {
        return new Experiments(id, dataPlane);
    }

    /** The same instance each time, so that {@link JobLogs#bytesRead()} adds up. */
    public JobLogs logs() {
        return logs;
    }

    public EnvironmentVersions environmentVersions() {
        return new EnvironmentVersions(id, client);
    }

    public Components components() {
        return new Components(id, client);
    }

    public CodeUploads codes() {
        return new CodeUploads(id, client);
    }

    /** The workspace's blob storage: code snapshots and file inputs. */
    public WorkspaceStorage storage() {
        return new WorkspaceStorage(id, client);
    }

    public JobDownloads downloads() {
        return new JobDownloads(id, storage(), dataPlane);
    }

    /** The job's Studio link from its services, else the link Studio itself uses. */
    public String studioUrl(String jobName) {
        return jobs().get(jobName).studioUrl();
    }

    static String fallbackStudioUrl(WorkspaceId id, String jobName) {
        return "https://ml.azure.com/runs/" + DataPlane.encode(jobName) + "?wsid=" + id.armId();
    }

    URI arm(String pathInWorkspace) {
        return client.endpoints().resolve(id.armId() + pathInWorkspace);
    }
}
