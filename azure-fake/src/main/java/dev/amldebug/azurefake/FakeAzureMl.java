package dev.amldebug.azurefake;

import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.azurefake.faults.Faults;
import dev.amldebug.azurefake.http.Router;
import dev.amldebug.azurefake.jobs.CancelOperations;
import dev.amldebug.azurefake.runs.DockerCli;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import dev.amldebug.azurefake.workspace.FakeWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A fake Azure ML service on 127.0.0.1 over HTTPS: Resource Manager, discovery and the workspace data plane, shaped by the
 * 2024-10-01 specification, with blobs in Azurite. Every request body is checked against its operation's schema.
 */
public final class FakeAzureMl implements AutoCloseable {
    private final FakeAzureMlOptions options;
    private final Tenants tenants = new Tenants();
    private final FakeTokens tokens = new FakeTokens(tenants);
    private final Faults faults = new Faults();
    private final RequestChecks checks = new RequestChecks();
    private final FakeStorage storage = new FakeStorage();
    private final FakeHttp http;
    private final Workspaces workspaces;
    private final RealRuns realRuns;

    private FakeAzureMl(FakeAzureMlOptions options) throws IOException, GeneralSecurityException {
        this.options = options;
        Router router = new Router();
        this.http = new FakeHttp(options.port(), options.stateDir(), router, tokens, faults);
        this.realRuns = options.realRuns()
                ? new RealRuns(new DockerCli(options.realRunsDocker()), options.realRunsImage(), storage::blobs, http.executor()) : null;
        this.workspaces = new Workspaces(http.origin());
        FakeWorkspace main = addWorkspace(options.subscriptionId(), options.resourceGroup(), options.workspace(), FakeWorkspace.PrivateLink.NONE);
        main.jobs.seed(options.jobs());
        tenants.assign(Tenants.GUEST_SUBSCRIPTION_ID, FakeToken.GUEST_TENANT_ID);
        addWorkspace(Tenants.GUEST_SUBSCRIPTION_ID, Tenants.GUEST_RESOURCE_GROUP, Tenants.GUEST_WORKSPACE, FakeWorkspace.PrivateLink.NONE);
        new ControlApi(this).register(router);
        new EntraApi(this).register(router);
        new DataPlaneApi(options, workspaces, storage, checks).register(router);
        new ArmApi(options, workspaces, storage, checks, Optional.ofNullable(realRuns), new ArmResources(armEndpoint()),
                new CancelOperations(options.cancelPolls())).register(router, new TenantsApi(tenants, tokens, workspaces));
    }

    public static FakeAzureMl start(FakeAzureMlOptions options) throws IOException {
        try {
            FakeAzureMl fake = new FakeAzureMl(options);
            fake.http.start();
            if (options.azuriteAtStart()) {
                fake.blobs();
            }
            return fake;
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not set up TLS for the fake Azure ML service: " + e.getMessage(), e);
        }
    }

    public static FakeAzureMl start() throws IOException {
        return start(FakeAzureMlOptions.defaults());
    }

    // ---- what a client is given

    public String armEndpoint() {
        return http.origin();
    }

    public Path caBundle() {
        return http.caBundle();
    }

    /**
     * The blob service clients reach every storage account through (AML_DEBUG_STORAGE_ENDPOINT): an account's blobs at
     * {@code <this>/<account>}, as in Azurite, over this fake's HTTPS pass-through. Starts Azurite.
     */
    public String storageEndpoint() {
        return storage.endpoint();
    }

    public String token() {
        return tokens.valid().value();
    }

    public Instant tokenExpiresOn() {
        return tokens.valid().expiresOn();
    }

    /**
     * A valid token of the guest tenant ({@link FakeToken#GUEST_TENANT_ID}): it lists and reaches only the guest
     * subscription ({@link #guestSubscriptionId()}); the home tenant's subscriptions refuse it, as the guest's refuses {@link #token()}.
     */
    public String guestToken() {
        return tokens.guest().value();
    }

    public String guestSubscriptionId() {
        return Tenants.GUEST_SUBSCRIPTION_ID;
    }

    /** A token the fake treats as expired: any call with it gets 401 ExpiredAuthenticationToken. */
    public String expiredToken() {
        return tokens.expired().value();
    }

    public FakeAzureMlOptions options() {
        return options;
    }

    public FakeWorkspace workspace() {
        return workspaces.find(options.subscriptionId(), options.resourceGroup(), options.workspace()).orElseThrow();
    }

    /** An SSLContext that trusts the fake's certificate, for tests that call it directly. */
    public SSLContext trustingContext() {
        return http.trustingContext();
    }

    // ---- control

    public FakeWorkspace addWorkspace(String subscriptionId, String resourceGroup, String name, FakeWorkspace.PrivateLink privateLink) {
        return workspaces.add(subscriptionId, resourceGroup, name, privateLink);
    }

    public void setJobStatus(String job, String status) {
        workspace().jobs.setStatus(job, status);
    }

    /** Appends bytes to a job's file in the workspace storage (for example "user_logs/std_log.txt"). */
    public void appendLog(String job, String file, byte[] bytes) {
        requireJob(job);
        blobs().append(job, file, bytes);
    }

    public void uploadOutput(String job, String file, byte[] bytes) {
        requireJob(job);
        blobs().upload(job, file, bytes);
    }

    public void queueFault(String pathContains, Fault fault) {
        faults.add(pathContains, fault);
    }

    /** Every request body that did not match its operation's schema, since start or the last {@link #clearViolations()}. */
    public List<Violation> violations() {
        return checks.violations();
    }

    public void clearViolations() {
        checks.clear();
    }

    /** "METHOD path" of every request served (no query, no headers: nothing secret). */
    public List<String> requests() {
        return http.requests();
    }

    public int pendingUploads() {
        return storage.pendingUploads();
    }

    public long blobBytesServed() {
        return storage.bytesServed();
    }

    public List<String> blobRanges() {
        return storage.ranges();
    }

    public void resetBlobCounters() {
        storage.resetCounters();
    }

    /** The workspace storage, starting Azurite on first need. */
    public BlobStore blobs() {
        return storage.blobs();
    }

    private void requireJob(String job) {
        if (workspace().jobs.find(job).isEmpty()) {
            throw new IllegalArgumentException("No job " + job + " in the fake's workspace");
        }
    }

    @Override
    public synchronized void close() {
        http.close();
        if (realRuns != null) {
            realRuns.close();
        }
        storage.close();
    }
}
