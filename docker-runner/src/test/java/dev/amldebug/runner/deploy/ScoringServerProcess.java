package dev.amldebug.runner.deploy;

import dev.amldebug.runner.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * aml_scoring_server.py on the host's Python, in a folder of its own: the server copied from the
 * test classpath, an app root holding one fixture as score.py, a model folder, and its stdout and
 * stderr in files. {@link #close()} ends the process.
 */
final class ScoringServerProcess implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SERVER_RESOURCE = "/dev/amldebug/runner/deploy/" + ScoringServer.FILE_NAME;

    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ScoringServerProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** What to start: the Python, what goes between it and the server (a debug shim), the fixture, more environment. */
    record Launch(String python, List<String> wrapper, String fixture, Map<String, String> environment) {
        static Launch of(String fixture) {
            return new Launch("python3", List.of(), fixture, Map.of());
        }

        Launch withEnvironment(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(environment);
            more.put(name, value);
            return new Launch(python, wrapper, fixture, more);
        }

        Launch withPython(String other) {
            return new Launch(other, wrapper, fixture, environment);
        }

        Launch wrappedIn(List<String> shimCommand) {
            return new Launch(python, shimCommand, fixture, environment);
        }
    }

    /** Copies the server from the test classpath into {@code dir}/server; returns its path. */
    static Path copyServer(Path dir) throws IOException {
        Path server = Files.createDirectories(dir.resolve("server")).resolve(ScoringServer.FILE_NAME);
        Files.write(server, resource(SERVER_RESOURCE));
        return server;
    }

    static ScoringServerProcess start(Path dir, Launch launch) throws IOException {
        Path server = copyServer(dir);
        Files.write(Files.createDirectories(dir.resolve("app")).resolve("score.py"), resource("/deploy/" + launch.fixture()));
        Files.writeString(Files.createDirectories(dir.resolve("model/weights")).resolve("model.bin"), "12345");
        int port = FreePorts.any();
        List<String> command = new ArrayList<>(List.of(launch.python()));
        command.addAll(launch.wrapper());
        command.addAll(List.of(server.toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("AML_APP_ROOT", dir.resolve("app").toString());
        builder.environment().put("AZUREML_ENTRY_SCRIPT", "score.py");
        builder.environment().put("AZUREML_MODEL_DIR", dir.resolve("model").toString());
        builder.environment().putAll(launch.environment());
        return new ScoringServerProcess(builder.start(), dir, port);
    }

    /** Copies the fake inference_schema package from the test classpath; returns the folder to put on PYTHONPATH. */
    static Path fakeInferenceSchema(Path dir) throws IOException {
        Path site = dir.resolve("site");
        for (String file : List.of("__init__.py", "schema_util.py", "schema_decorators.py", "parameter_types/__init__.py",
                "parameter_types/standard_py_parameter_type.py")) {
            Path target = site.resolve("inference_schema").resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, resource("/deploy/site/inference_schema/" + file));
        }
        return site;
    }

    ScoringServerProcess awaitHealthy() {
        Awaitility.await("GET / answering Healthy").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> isHealthy() || !process.isAlive());
        if (!process.isAlive()) {
            throw new AssertionError("the scoring server exited with " + process.exitValue() + ":\n" + stdout() + stderr());
        }
        return this;
    }

    boolean isHealthy() throws InterruptedException {
        try {
            HttpResponse<String> response = send(request("/").GET());
            return response.statusCode() == 200 && response.body().equals("Healthy");
        } catch (IOException e) {
            return false;
        }
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the scoring server did not exit:\n" + stdout() + stderr());
        }
        return process.exitValue();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(PATIENCE);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return send(request("/score").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpClient http() {
        return http;
    }

    int port() {
        return port;
    }

    /** Sends SIGTERM, as docker stop does, and returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    Path appRoot() {
        return dir.resolve("app");
    }

    String stdout() {
        return read(dir.resolve("out.txt"));
    }

    String stderr() {
        return read(dir.resolve("err.txt"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ScoringServerProcess.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no " + name + " on the test classpath");
            }
            return in.readAllBytes();
        }
    }
}
