package dev.amldebug.runner.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.debug.DebugShim;
import dev.amldebug.runner.deploy.ScoringServerProcess.Launch;
import dev.amldebug.runner.testing.FreePorts;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aml_scoring_server.py, the stand-in for Azure ML's inference server, on the host's python3 with
 * small score.py fixtures (src/test/resources/deploy), spoken to over HTTP. No Docker.
 */
class ScoringServerHostPythonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    private ScoringServerProcess start(Launch launch) throws IOException {
        return ScoringServerProcess.start(dir, launch);
    }

    private ScoringServerProcess healthy(Launch launch) throws IOException {
        ScoringServerProcess server = start(launch);
        try {
            return server.awaitHealthy();
        } catch (RuntimeException | Error e) {
            destroy(server);
            throw e;
        }
    }

    private static void destroy(ScoringServerProcess server) {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void answersHealthyOnlyOnceInitHasReturned() throws Exception {
        try (ScoringServerProcess server = start(Launch.of("echo_score.py").withEnvironment("FIXTURE_INIT_SECONDS", "1"))) {
            AtomicInteger unanswered = new AtomicInteger();
            Awaitility.await().atMost(ScoringServerProcess.PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> server.isHealthy() || unanswered.incrementAndGet() < 0);
            assertThat(unanswered.get()).as("GET / went unanswered while init() slept").isGreaterThan(5);
            String out = server.stdout();
            assertThat(out).contains("Scoring server: loading " + server.appRoot().resolve("score.py"));
            assertThat(out.indexOf("fixture init() ran")).isLessThan(out.indexOf("init() done in "))
                    .isGreaterThan(out.indexOf("Scoring server: loading"));
            assertThat(out.indexOf("init() done in ")).isLessThan(out.indexOf("Listening on port " + server.port()));
            assertThat(out).containsPattern("GET / 200 \\d+\\.\\d{3}ms x-request-id=" + UUID);
        }
    }

    @Test
    void postPassesTheBodyToRunAsAStrAndAnswersItsResultAsJson() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> response = server.post("héllo wörld");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json(response).path("type").asText()).isEqualTo("str");
            assertThat(json(response).path("data").asText()).isEqualTo("héllo wörld");
            assertThat(response.headers().firstValue("x-ms-run-fn-exec-ms")).hasValueSatisfying(
                    ms -> assertThat(ms).matches("\\d+\\.\\d{3}"));
            assertThat(response.headers().firstValue("x-ms-run-function-failed")).hasValue("False");
            assertThat(server.stdout()).containsPattern("POST /score 200 \\d+\\.\\d{3}ms x-request-id=")
                    .doesNotContain("héllo");
        }
    }

    @Test
    void encodesAStrResultAsJsonAsAzureMlDoesNoneAsAnEmptyObjectAndSendsBytesAsTheyAre() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> text = server.post("text:plain words");
            assertThat(text.body()).isEqualTo("\"plain words\"");
            assertThat(text.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(server.post("none").body()).isEqualTo("{}");
            HttpResponse<byte[]> bytes = server.sendForBytes(server.request("/score").POST(BodyPublishers.ofString("bytes")));
            assertThat(bytes.body()).containsExactly(0, 'r', 'a', 'w', 0xff);
            assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        }
    }

    @Test
    void getPassesTheQueryToRunAsAJsonStringParsingValuesAndListingRepeatedKeys() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> response = server.send(server.request("/score?a=1&b=x&b=y&c=&secret=s3").GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("type").asText()).isEqualTo("str");
            assertThat(JSON.readTree(json(response).path("data").asText()))
                    .isEqualTo(JSON.readTree("{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":\"\",\"secret\":\"s3\"}"));
            assertThat(server.stdout()).contains("GET /score 200 ").doesNotContain("s3");
        }
    }

    @Test
    void answersOptionsWith200OtherMethodsOnScoreWith405AndUnknownPathsWith404() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            assertThat(server.send(server.request("/score").method("OPTIONS", BodyPublishers.noBody())).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> put = server.send(server.request("/score").PUT(BodyPublishers.ofString("x")));
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(json(put).path("message").asText()).isEqualTo("Method not allowed");
            assertThat(server.send(server.request("/score").DELETE()).statusCode()).isEqualTo(405);
            assertThat(server.send(server.request("/").POST(BodyPublishers.noBody())).statusCode()).isEqualTo(405);
            assertThat(server.send(server.request("/nowhere").GET()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answers400ToABodyThatIsNotUtf8() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> response = server.send(server.request("/score")
                    .POST(BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'})));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("message").asText()).startsWith("Input cannot be decoded as UTF-8");
        }
    }

    @Test
    void anExceptionInRunAnswers500NamingItLogsTheTracebackAndTheServerGoesOn() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> failed = server.post("boom");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(json(failed).path("message").asText()).isEqualTo("ValueError: bad input");
            assertThat(failed.headers().firstValue("x-ms-run-function-failed")).hasValue("True");
            assertThat(server.stderr()).contains("Traceback", "score.py\", line 13, in run", "ValueError: bad input")
                    .doesNotContain(ScoringServer.FILE_NAME);
            assertThat(server.post("fine").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void echoesTheRequestIdOrMakesOneUp() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> given = server.send(server.request("/score").header("x-request-id", "my-request-1")
                    .POST(BodyPublishers.ofString("x")));
            assertThat(given.headers().firstValue("x-request-id")).hasValue("my-request-1");
            HttpResponse<String> made = server.post("x");
            assertThat(made.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
            assertThat(server.stdout()).contains("POST /score 200 ", "x-request-id=my-request-1");
        }
    }

    @Test
    void servesTheAppsOwnSwaggerFilesByVersionAnd404sWithoutOne() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            HttpResponse<String> none = server.send(server.request("/swagger.json").GET());
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(json(none).path("message").asText()).contains("No swagger for version 2", "swagger2.json");
            Files.writeString(server.appRoot().resolve("swagger2.json"), "{\"swagger\": \"2.0\"}");
            Files.writeString(server.appRoot().resolve("swagger3.json"), "{\"openapi\": \"3.0.0\"}");
            assertThat(json(server.send(server.request("/swagger.json").GET())).path("swagger").asText()).isEqualTo("2.0");
            assertThat(json(server.send(server.request("/swagger.json?version=3").GET())).path("openapi").asText())
                    .isEqualTo("3.0.0");
            assertThat(server.send(server.request("/swagger.json?version=7").GET()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void initRaisingExitsWithCode3AfterTheTracebackAndTheModelFolder() throws Exception {
        try (ScoringServerProcess server = start(Launch.of("init_raises_score.py"))) {
            assertThat(server.awaitExit()).isEqualTo(ScoringServer.EXIT_SCRIPT_FAILED).isEqualTo(3);
            assertThat(server.stderr()).contains("Traceback", "score.py\", line 2, in init",
                    "RuntimeError: model file missing", "Model folder AZUREML_MODEL_DIR=" + dir.resolve("model"),
                    "  weights/", "    model.bin (5 bytes)").doesNotContain(ScoringServer.FILE_NAME);
            assertThat(server.stdout()).doesNotContain("Listening on port");
        }
    }

    @Test
    void aScriptWithoutRunExitsWithCode3SayingSo() throws Exception {
        try (ScoringServerProcess server = start(Launch.of("no_run_score.py"))) {
            assertThat(server.awaitExit()).isEqualTo(3);
            assertThat(server.stderr()).contains("score.py has no run() function", "model.bin (5 bytes)");
        }
    }

    @Test
    void aScriptImportingAbsentInferenceSchemaExitsWithCode3SayingWhatToAdd() throws Exception {
        assumeThat(python("python3", "import inference_schema", null)).as("inference_schema is absent").isNotZero();
        try (ScoringServerProcess server = start(Launch.of("imports_inference_schema_score.py"))) {
            assertThat(server.awaitExit()).isEqualTo(3);
            assertThat(server.stderr()).contains("No module named 'inference_schema'",
                    "The scoring script imports inference_schema, which this image lacks: add inference-schema "
                            + "to the environment's conda file");
        }
    }

    @Test
    void aRunDecoratedWithInferenceSchemaGetsItsParametersByNameFromAJsonObject() throws Exception {
        Path site = ScoringServerProcess.fakeInferenceSchema(dir);
        try (ScoringServerProcess server = healthy(Launch.of("schema_score.py").withEnvironment("PYTHONPATH", site.toString()))) {
            assertThat(server.post("{\"data\": [1, 2], \"factor\": 3}").statusCode()).as("no Content-Type").isEqualTo(415);
            HttpResponse<String> missing = server.send(server.request("/score").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"data\": [1, 2]}")));
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(json(missing).path("message").asText()).contains("'factor'");
            HttpResponse<String> scored = server.send(server.request("/score").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"data\": [1, 2], \"factor\": 3}")));
            assertThat(scored.body()).isEqualTo("{\"total\": 9}");
            assertThat(server.send(server.request("/score?data=%5B1,2%5D&factor=2").GET()).body()).isEqualTo("{\"total\": 6}");
        }
    }

    @Test
    void aRunPastTheTimeoutAnswers500WhileItGoesOnAndLaterRequestsAreServedOnceItEnds() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py").withEnvironment("SCORING_TIMEOUT_MS", "300"))) {
            long started = System.nanoTime();
            HttpResponse<String> timedOut = server.post("sleep");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            assertThat(timedOut.statusCode()).isEqualTo(500);
            assertThat(json(timedOut).path("message").asText()).isEqualTo("Scoring timeout after 300 ms");
            assertThat(timedOut.headers().firstValue("x-ms-run-function-failed")).hasValue("True");
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.post("after").statusCode() == 200);
            assertThat(server.stdout()).contains("Scoring timeout: 300 ms, suspended while a debugger is attached");
            assertThat(server.stderr()).contains("Scoring timeout after 300 ms");
        }
    }

    @Test
    void noTimeoutCountsWhileADebuggerIsAttached() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("attached_debugger_score.py")
                .withEnvironment("SCORING_TIMEOUT_MS", "300"))) {
            HttpResponse<String> response = server.post("x");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("\"finished after 1 s\"");
            assertThat(server.stdout()).contains("Debugger attached: scoring timeouts are suspended while it stays attached");
        }
    }

    /**
     * Under the debug shim and Debian's debugpy, as a deployment with a debugger runs in its container:
     * the breakpoint hits in the worker thread that calls run(). debugpy stops every thread at a
     * breakpoint, the request's too; {@link #noTimeoutCountsWhileADebuggerIsAttached} shows that the
     * server itself does not count the time either.
     */
    @Test
    void runsUnderTheDebugShimAndABreakpointInRunHoldsTheRequestPastTheTimeout() throws Exception {
        assumeThat(python("python3", "import debugpy", DEBIAN_PACKAGES)).as("debugpy in " + DEBIAN_PACKAGES).isZero();
        int debugPort = FreePorts.any();
        Path shim = DebugShim.folder(dir.resolve("cache")).resolve(DebugShim.FILE_NAME);
        Launch launch = Launch.of("breakpoint_score.py").withEnvironment("SCORING_TIMEOUT_MS", "300")
                .withEnvironment("PYTHONPATH", DEBIAN_PACKAGES)
                .wrappedIn(List.of(shim.toString(), "--listen", "127.0.0.1:" + debugPort, "--no-wait", "--"));
        try (ScoringServerProcess server = healthy(launch);
                DapTestClient dap = DapTestClient.initialized("127.0.0.1", debugPort, ScoringServerProcess.PATIENCE)) {
            String script = server.appRoot().resolve("score.py").toString();
            dap.attach(Map.of("justMyCode", true), script, 6);
            CompletableFuture<HttpResponse<String>> response = server.http().sendAsync(
                    server.request("/score").POST(BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            StackFrame top = dap.stackTrace(thread)[0];
            assertThat(top.getName() + " " + top.getSource().getPath() + ":" + top.getLine()).isEqualTo("run " + script + ":6");
            assertThatThrownBy(() -> response.get(1, TimeUnit.SECONDS)).as("paused more than the 300 ms timeout")
                    .isInstanceOf(TimeoutException.class);
            dap.resume(thread);
            HttpResponse<String> answered = response.get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("\"scored x\"");
            assertThat(server.stdout()).contains("Debugger attached: scoring timeouts are suspended while it stays attached");
        }
    }

    @Test
    void stopsWithCode0OnSigtermAsDockerStopSends() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"));
             java.net.Socket idle = new java.net.Socket("127.0.0.1", server.port())) {
            // A connection thread is waiting for that client: the stop must not wait for it, nor print a traceback.
            idle.getOutputStream().write("POST /score HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(server.terminate()).as(server.stderr()).isZero();
            assertThat(server.stderr()).doesNotContain("Traceback", "Exception ignored");
        }
    }

    @Test
    void parsesAsPython38() throws Exception {
        Path copy = ScoringServerProcess.copyServer(dir);
        assertThat(python("python3", "import ast, sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 8))",
                null, copy.toString())).isZero();
    }

    @Test
    void servesUnderPython38WhereItIsInstalled() throws Exception {
        Optional<String> python38 = python38();
        assumeThat(python38).as("a Python 3.8 on this machine").isPresent();
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py").withPython(python38.get())
                .withEnvironment("SCORING_TIMEOUT_MS", "300"))) {
            assertThat(json(server.post("héllo")).path("data").asText()).isEqualTo("héllo");
            assertThat(json(server.post("boom")).path("message").asText()).isEqualTo("ValueError: bad input");
            assertThat(json(server.post("sleep")).path("message").asText()).isEqualTo("Scoring timeout after 300 ms");
        }
    }

    private static Optional<String> python38() throws IOException {
        if (python("python3.8", "pass", null) == 0) {
            return Optional.of("python3.8");
        }
        Path versions = Path.of(System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv"),
                "versions");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.filter(v -> v.getFileName().toString().startsWith("3.8."))
                    .map(v -> v.resolve("bin/python3.8")).filter(Files::isExecutable).map(Path::toString).findFirst();
        }
    }

    /** The exit code of {@code python -c code args}, or -1 when there is no such Python. */
    private static int python(String python, String code, String pythonPath, String... args) {
        List<String> command = new ArrayList<>(List.of(python, "-c", code));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (pythonPath != null) {
            builder.environment().put("PYTHONPATH", pythonPath);
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(python + " did not finish: " + output);
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void anIdleConnectionBlocksNeitherLivenessNorScoring() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"));
             java.net.Socket idle = new java.net.Socket("127.0.0.1", server.port())) {
            assertThat(idle.isConnected()).isTrue();

            assertThat(server.send(server.request("/").GET().timeout(Duration.ofSeconds(5))).statusCode()).isEqualTo(200);
            assertThat(server.post("text:hi").body()).isEqualTo("\"hi\"");
        }
    }

    @Test
    void aContentLengthThatIsNotANumberIsABadRequest() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py"))) {
            assertThat(raw(server, "POST /score HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"))
                    .startsWith("HTTP/1.1 400").contains("Content-Length is not a number");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py").withEnvironment("MAX_REQUEST_BYTES", "10"))) {
            HttpResponse<String> response = server.post("x".repeat(100));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).get("message").asText()).contains("(100 bytes) is larger than 10 bytes");
            assertThat(server.post("short").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestThatFindsNoFreeSlotWithinTheQueueWaitIs503AndTheNextOneIsServed() throws Exception {
        try (ScoringServerProcess server = healthy(Launch.of("echo_score.py").withEnvironment("MAX_QUEUE_WAIT_MS", "100"))) {
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.post("sleep");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Once the slow run() holds the only slot, a request waits 100 ms for it and is answered 503.
            Awaitility.await().atMost(ScoringServerProcess.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> server.post("text:probe").statusCode() == 503);

            assertThat(slow.get(30, TimeUnit.SECONDS).body()).isEqualTo("\"slept\"");
            assertThat(server.stderr()).contains("No free slot within max_queue_wait_ms (100 ms");
            assertThat(server.post("text:after").statusCode()).isEqualTo(200);
        }
    }

    private static String raw(ScoringServerProcess server, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
