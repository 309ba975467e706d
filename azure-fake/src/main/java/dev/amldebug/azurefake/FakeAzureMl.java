package dev.amldebug.azurefake;

import dev.amldebug.azurefake.workspace.FakeWorkspace;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.amldebug.azurefake.blobs.Azurite;
import dev.amldebug.azurefake.blobs.BlobPassThrough;
import dev.amldebug.azurefake.blobs.BlobStore;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.azurefake.faults.Faults;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;
import dev.amldebug.azurefake.jobs.CancelOperations;
import dev.amldebug.azurefake.runs.DockerCli;
import dev.amldebug.azurefake.runs.RealRuns;
import dev.amldebug.azurefake.schema.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Azure ML service on 127.0.0.1 over HTTPS: Resource Manager, discovery and the workspace data plane, shaped by the
 * 2024-10-01 specification, with blobs in Azurite. Every request body is checked against its operation's schema.
 */
public final class FakeAzureMl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeAzureMl.class);

    /** The image a really run job gets: the base image our tests build, standing in for the compute's. */
    public static final String DEFAULT_RUN_IMAGE = "aml-debug/python:bookworm";

    /** How to start the fake; {@link #defaults()} then withers. */
    public record Options(String subscriptionId, String resourceGroup, String workspace, int jobs, int pageSize, int dataPlanePageSize,
                          int cancelPolls, int port, Path stateDir, boolean azuriteAtStart,
                          String realRunsDocker, String realRunsImage) {
        public static Options defaults() {
            return new Options("00000000-1111-2222-3333-444444444444", "aml-debug-rg", "aml-debug-ws", 12, 5, 5, 2, 0, null, false, null,
                    DEFAULT_RUN_IMAGE);
        }

        public Options withJobs(int n) {
            return new Options(subscriptionId, resourceGroup, workspace, n, pageSize, dataPlanePageSize, cancelPolls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
        }

        public Options withPageSize(int k) {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, k, k, cancelPolls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
        }

        public Options withCancelPolls(int polls) {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, polls, port, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
        }

        public Options withPort(int p) {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, p, stateDir, azuriteAtStart, realRunsDocker, realRunsImage);
        }

        public Options withStateDir(Path dir) {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, dir, azuriteAtStart, realRunsDocker, realRunsImage);
        }

        /**
         * Submitted command jobs really run: in a container of {@code image} (the compute's image) on a Docker network of
         * their own, through the docker command line {@code dockerCli} ("docker" on the PATH).
         */
        public Options withRealRuns(String dockerCli, String image) {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, stateDir,
                    azuriteAtStart, dockerCli, image);
        }

        public Options withRealRuns(String dockerCli) {
            return withRealRuns(dockerCli, realRunsImage);
        }

        public boolean realRuns() {
            return realRunsDocker != null;
        }

        public Options withAzuriteAtStart() {
            return new Options(subscriptionId, resourceGroup, workspace, jobs, pageSize, dataPlanePageSize, cancelPolls, port, stateDir, true, realRunsDocker, realRunsImage);
        }
    }

    /** The default datastore's (workspaceblobstore's) container in Azurite. */
    public static final String DATASTORE_CONTAINER = "azureml-blobstore";

    private final Options options;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final SelfSignedCertificate certificate;
    private final Path caBundle;
    private final FakeToken token = FakeToken.issue(Instant.now().plus(Duration.ofHours(2)));
    private final FakeToken expiredToken = FakeToken.issue(Instant.now().minus(Duration.ofHours(1)));
    private final Map<String, FakeWorkspace> workspaces = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedPorts = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final RequestChecks checks = new RequestChecks();
    private final Router router = new Router();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final AtomicInteger pendingUploads = new AtomicInteger();
    private Azurite azurite;
    private BlobPassThrough passThrough;
    private BlobStore blobs;
    private final RealRuns realRuns;

    private FakeAzureMl(Options options) throws IOException, GeneralSecurityException {
        this.options = options;
        this.certificate = SelfSignedCertificate.create();
        Path state = options.stateDir() != null ? options.stateDir() : Files.createTempDirectory("fake-azure-ml-");
        this.caBundle = certificate.writePem(state.resolve("fake-azure-ml-ca.pem"));
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", options.port()), 128);
        SSLContext context = certificate.serverContext();
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-azure-ml");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        this.realRuns = options.realRuns() ? new RealRuns(new DockerCli(options.realRunsDocker()), options.realRunsImage(), this::blobs, executor) : null;
        FakeWorkspace main = addWorkspace(options.subscriptionId(), options.resourceGroup(), options.workspace(), FakeWorkspace.PrivateLink.NONE);
        main.jobs.seed(options.jobs());
        new ControlApi(this).register(router);
        new EntraApi(this).register(router);
        new DataPlaneApi(this).register(router);
        new ArmApi(this, new ArmResources(armEndpoint()), new CancelOperations(options.cancelPolls())).register(router);
    }

    public static FakeAzureMl start(Options options) throws IOException {
        try {
            FakeAzureMl fake = new FakeAzureMl(options);
            fake.server.start();
            if (options.azuriteAtStart()) {
                fake.blobs();
            }
            return fake;
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not set up TLS for the fake Azure ML service: " + e.getMessage(), e);
        }
    }

    public static FakeAzureMl start() throws IOException {
        return start(Options.defaults());
    }

    // ---- what a client is given

    public String armEndpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path caBundle() {
        return caBundle;
    }

    /**
     * The blob service clients reach every storage account through (AML_DEBUG_STORAGE_ENDPOINT): an account's blobs at
     * {@code <this>/<account>}, as in Azurite, over this fake's HTTPS pass-through. Starts Azurite.
     */
    public String storageEndpoint() {
        String account = blobs().containerUrl("x");
        return account.substring(0, account.length() - ("/" + Azurite.ACCOUNT + "/x").length());
    }

    public String token() {
        return token.value();
    }

    public Instant tokenExpiresOn() {
        return token.expiresOn();
    }

    /** A token the fake treats as expired: any call with it gets 401 ExpiredAuthenticationToken. */
    public String expiredToken() {
        return expiredToken.value();
    }

    public Options options() {
        return options;
    }

    public FakeWorkspace workspace() {
        return workspace(options.subscriptionId(), options.resourceGroup(), options.workspace()).orElseThrow();
    }

    /** An SSLContext that trusts the fake's certificate, for tests that call it directly. */
    public SSLContext trustingContext() {
        try {
            return certificate.clientContext();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- control

    public FakeWorkspace addWorkspace(String subscriptionId, String resourceGroup, String name, FakeWorkspace.PrivateLink privateLink) {
        FakeWorkspace ws = new FakeWorkspace(subscriptionId, resourceGroup, name, privateLink);
        workspaces.put(ws.key(), ws);
        return ws;
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
        return List.copyOf(requestLog);
    }

    public int pendingUploads() {
        return pendingUploads.get();
    }

    public long blobBytesServed() {
        return passThrough == null ? 0 : passThrough.bytesServed();
    }

    public List<String> blobRanges() {
        return passThrough == null ? List.of() : passThrough.ranges();
    }

    public void resetBlobCounters() {
        if (passThrough != null) {
            passThrough.resetCounters();
        }
    }

    /** The workspace storage, starting Azurite on first need. */
    public synchronized BlobStore blobs() {
        if (blobs == null) {
            try {
                azurite = Azurite.start();
                passThrough = new BlobPassThrough("http://127.0.0.1:" + azurite.port());
                blobs = new BlobStore(azurite.blobEndpoint(), passThrough.origin() + "/" + Azurite.ACCOUNT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return blobs;
    }

    // ---- for the APIs

    /** The stand-in compute, when submitted jobs really run. */
    Optional<RealRuns> realRuns() {
        return Optional.ofNullable(realRuns);
    }

    synchronized boolean blobsStarted() {
        return blobs != null;
    }

    void countPendingUpload() {
        pendingUploads.incrementAndGet();
    }

    RequestChecks checks() {
        return checks;
    }

    List<FakeWorkspace> workspaces() {
        return workspaces.values().stream().sorted(java.util.Comparator.comparing(FakeWorkspace::key)).toList();
    }

    Optional<FakeWorkspace> workspace(String subscriptionId, String resourceGroup, String name) {
        return Optional.ofNullable(workspaces.get(FakeWorkspace.key(subscriptionId, resourceGroup, name)));
    }

    String discoveryUrl(FakeWorkspace ws) {
        return armEndpoint() + "/discovery/workspaces/" + ws.subscriptionId + "/" + ws.resourceGroup + "/" + ws.name;
    }

    /** The data-plane origin: this server, or for a workspace that refuses connections a loopback port nobody listens on. */
    String dataPlaneOrigin(FakeWorkspace ws) {
        if (ws.privateLink != FakeWorkspace.PrivateLink.REFUSED) {
            return armEndpoint();
        }
        return "https://127.0.0.1:" + refusedPorts.computeIfAbsent(ws.key(), k -> closedPort());
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireJob(String job) {
        if (workspace().jobs.find(job).isEmpty()) {
            throw new IllegalArgumentException("No job " + job + " in the fake's workspace");
        }
    }

    // ---- serving

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Call.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), in.readAllBytes(), List.of(), armEndpoint());
            requestLog.add(call.method() + " " + call.path());
            LOG.debug("{} {}", call.method(), call.path());
            Response response = answer(call);
            if (response.closeWithoutAnswer()) {
                return; // closing the exchange before any header closes the connection: a reset as the client sees it
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private Response answer(Call call) {
        boolean control = call.path().startsWith("/_fake/");
        boolean discovery = call.path().startsWith("/discovery/");
        boolean signIn = call.path().matches(EntraApi.PATH_PATTERN);
        if (!control && !discovery && !signIn) {
            Optional<Response> refused = authenticate(call);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<Fault> fault = faults.take(call.path());
            if (fault.isPresent()) {
                return fault.get().response();
            }
        }
        return router.match(call).map(match -> {
            try {
                return match.handler().handle(match.call());
            } catch (IllegalArgumentException e) {
                return ArmError.badRequest("BadRequest", e.getMessage()).response();
            } catch (Exception e) {
                LOG.warn("The fake failed on {} {}", call.method(), call.path(), e);
                return new ArmError(500, "InternalServerError", "The fake failed: " + e).response();
            }
        }).orElseGet(() -> router.knowsPath(call.path())
                ? new ArmError(405, "MethodNotAllowed", "The method " + call.method() + " is not allowed on " + call.path()).response()
                : new ArmError(404, "NoRegisteredProviderFound", "No route for " + call.method() + " " + call.path() + " in the fake.").response());
    }

    private Optional<Response> authenticate(Call call) {
        String header = call.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.of(new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.").response());
        }
        String presented = header.substring("Bearer ".length()).trim();
        if (presented.equals(expiredToken.value())) {
            return Optional.of(new ArmError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expiredToken.expiresOn()
                    + "' is earlier than current UTC time '" + Instant.now() + "'.").response());
        }
        if (!presented.equals(token.value())) {
            return Optional.of(new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.").response());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        // HttpServer.stop waits for its dispatcher's next select (up to a second); nothing needs that wait.
        Thread stopper = new Thread(() -> {
            server.stop(0);
            executor.shutdownNow();
        }, "fake-azure-ml-close");
        stopper.setDaemon(true);
        stopper.start();
        if (realRuns != null) {
            realRuns.close();
        }
        if (passThrough != null) {
            passThrough.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }
}
