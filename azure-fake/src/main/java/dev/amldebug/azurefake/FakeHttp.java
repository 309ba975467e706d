package dev.amldebug.azurefake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.amldebug.azurefake.faults.Fault;
import dev.amldebug.azurefake.faults.Faults;
import dev.amldebug.azurefake.http.ArmError;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's HTTPS server on 127.0.0.1: every call is logged, authenticated (except control, discovery and sign-in),
 * given a queued fault if one matches, then routed.
 */
final class FakeHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeHttp.class);

    private final SelfSignedCertificate certificate;
    private final Path caBundle;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Router router;
    private final FakeTokens tokens;
    private final Faults faults;
    private final List<String> requestLog = new CopyOnWriteArrayList<>();

    /** Writes the certificate authority clients trust to fake-azure-ml-ca.pem in {@code stateDir}, or in a new temporary folder. */
    FakeHttp(int port, Path stateDir, Router router, FakeTokens tokens, Faults faults) throws IOException, GeneralSecurityException {
        this.router = router;
        this.tokens = tokens;
        this.faults = faults;
        this.certificate = SelfSignedCertificate.create();
        Path state = stateDir != null ? stateDir : Files.createTempDirectory("fake-azure-ml-");
        this.caBundle = certificate.writePem(state.resolve("fake-azure-ml-ca.pem"));
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-azure-ml");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    void start() {
        server.start();
    }

    String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    Path caBundle() {
        return caBundle;
    }

    SSLContext trustingContext() {
        try {
            return certificate.clientContext();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The threads that serve calls, also lent to the work a call starts. */
    ExecutorService executor() {
        return executor;
    }

    /** "METHOD path" of every request served (no query, no headers: nothing secret). */
    List<String> requests() {
        return List.copyOf(requestLog);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Call.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), in.readAllBytes(), List.of(), origin());
            requestLog.add(call.method() + " " + call.path());
            LOG.debug("{} {}", call.method(), call.path());
            Response response = answer(call);
            if (response.closeWithoutAnswer()) {
                return; // closing the exchange before any header closes the connection: a reset as the client sees it
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
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
            Optional<Response> refused = tokens.refusal(call);
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

    @Override
    public void close() {
        // HttpServer.stop waits for its dispatcher's next select (up to a second); nothing needs that wait.
        Thread stopper = new Thread(() -> {
            server.stop(0);
            executor.shutdownNow();
        }, "fake-azure-ml-close");
        stopper.setDaemon(true);
        stopper.start();
    }
}
