/*
 * Stepping latency, and the DAP bridge's share of it, side by side in one run:
 *
 *   stock    debugpy on this machine, as it comes: python3 -m debugpy --listen (no TCP_NODELAY fix)
 *   direct   our path straight to the container: the debug shim's debugpy, on its published port
 *   bridge   our path through an in-process DapBridge (what `aml-debug dap` and the editor use)
 *
 * Sessions alternate between the three paths. In each session the client attaches, stops at a
 * breakpoint in a loop, and then times
 *   a stop: stackTrace + scopes + variables, one after the other (and each request on its own);
 *   a step: next, the stopped event that follows, and then that same stackTrace + scopes + variables.
 * It reports p50 and p99 per path and the ratio to stock debugpy. Run from the repository root,
 * after `mvn -q -B install -DskipTests`, with Docker up:
 *
 *   java -cp server/target/aml-debug.jar bench/BridgeOverhead.java [stops-per-session] [steps-per-session] [sessions-per-path]
 *
 * Defaults: 100 100 3, so 300 stops and 300 steps per path (about 2 minutes). It starts a
 * detached debug run with `bin/aml-debug` and a host python3 with debugpy (BENCH_PYTHON, default
 * /usr/bin/python3), and ends both (the run's container is removed). BENCH_CONTAINER_IP=1 talks to the container's own address
 * instead of the published port (no docker-proxy).
 */
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BridgeOverhead {
    /** The loop sleeps only now and then, so a step almost never waits for it; such steps are left out. */
    static final String SCRIPT = """
            import time


            def work():
                count = 0
                total = 0
                while True:
                    count += 1
                    total += count
                    if count % 100 == 0:
                        time.sleep(0.01)


            work()
            """;
    static final int BREAK_LINE = 8;
    static final int SLEEP_LINE = 11;
    static final String[] MEASURES = {"stop", "stackTrace", "scopes", "variables", "step"};

    public static void main(String[] args) throws Exception {
        int stops = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("aml-debug-bench");
        Path script = Files.writeString(work.resolve("loop.py"), SCRIPT);
        ExecutorService executor = Executors.newCachedThreadPool();
        Process stock = null;
        String runId = null;
        int stockPort = freePort();
        try {
            stock = startStock(script, work, stockPort);
            String[] run = startRun(script, work);
            runId = run[0];
            String containerHost = run[1];
            int containerPort = Integer.parseInt(run[2]);
            Map<String, Samples> paths = new LinkedHashMap<>();
            paths.put("stock debugpy (host)", new Samples());
            paths.put("direct to container", new Samples());
            paths.put("through the bridge", new Samples());
            waitForDebugpy("127.0.0.1", stockPort);
            waitForDebugpy(containerHost, containerPort);
            for (int i = 0; i < sessions; i++) {
                try (Socket socket = connect("127.0.0.1", stockPort)) {
                    session(socket.getInputStream(), socket.getOutputStream(), script.toString(), stops, steps,
                            paths.get("stock debugpy (host)"));
                }
                try (Socket socket = connect(containerHost, containerPort)) {
                    session(socket.getInputStream(), socket.getOutputStream(), "/aml/code/loop.py", stops, steps,
                            paths.get("direct to container"));
                }
                bridgedSession(containerHost, containerPort, work, executor, stops, steps, paths.get("through the bridge"));
            }
            report(paths);
        } finally {
            if (runId != null) {
                new ProcessBuilder("bin/aml-debug", "runs", "cancel", runId, "--folder", work.toString()).inheritIO().start().waitFor();
                // Nothing reads this run again: its container goes too.
                new ProcessBuilder("docker", "rm", "-f", "aml-debug-" + runId).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            if (stock != null) {
                stopStock(stock, stockPort);
            }
            executor.shutdownNow();
        }
    }

    /** Stock debugpy on the host, listening; the loop runs until a client attaches. */
    static Process startStock(Path script, Path work, int port) throws Exception {
        String python = System.getenv().getOrDefault("BENCH_PYTHON", "/usr/bin/python3");
        ProcessBuilder builder = new ProcessBuilder(python, "-m", "debugpy", "--listen", "127.0.0.1:" + port,
                script.toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stock.log").toFile());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return builder.start();
    }

    /** The stock debuggee, and its debugpy adapter: a daemon of its own, listening on the port. */
    static void stopStock(Process stock, int port) {
        List<ProcessHandle> adapters = ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .map(line -> line.contains("debugpy/adapter") && line.contains("--port " + port + " ")).orElse(false))
                .toList();
        stock.destroy();
        adapters.forEach(ProcessHandle::destroy);
    }

    /** A detached debug run of the loop; returns its id and where its debugpy is. */
    static String[] startRun(Path script, Path work) throws Exception {
        Process start = new ProcessBuilder("bin/aml-debug", "run", script.toString(), "--folder", work.toString(),
                "--debug", "--no-wait", "--detach").redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        start.waitFor();
        Matcher endpoint = Pattern.compile("debugpy: 127\\.0\\.0\\.1:(\\d+)").matcher(output);
        Matcher run = Pattern.compile("run: (\\S+)").matcher(output);
        if (!endpoint.find() || !run.find()) {
            throw new IllegalStateException("could not start the debug run:\n" + output);
        }
        if (System.getenv("BENCH_CONTAINER_IP") != null) {
            Process inspect = new ProcessBuilder("docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}",
                    "aml-debug-" + run.group(1)).start();
            String ip = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return new String[] {run.group(1), ip, "5678"};
        }
        return new String[] {run.group(1), "127.0.0.1", endpoint.group(1)};
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A published port accepts before debugpy listens: wait until debugpy itself answers. */
    static void waitForDebugpy(String host, int port) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            try (Socket socket = new Socket(host, port)) {
                if (socket.getLocalPort() == port && socket.getLocalAddress().equals(socket.getInetAddress())) {
                    throw new java.io.IOException("nothing listens yet: the socket connected to itself");
                }
                Client client = new Client(new DapReader(socket.getInputStream()), new DapWriter(socket.getOutputStream()));
                client.call("initialize", "{\"adapterID\":\"python\"}");
                client.call("disconnect", "{\"terminateDebuggee\":false}");
                return;
            } catch (java.io.IOException | NullPointerException e) {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IllegalStateException("debugpy did not answer at " + host + ":" + port);
    }

    static Socket connect(String host, int port) throws Exception {
        Socket socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        return socket;
    }

    static void bridgedSession(String host, int port, Path work, ExecutorService executor, int stops, int steps,
                               Samples samples) throws Exception {
        BridgeTarget target = BridgeTarget.of(host, port, List.of(new PathMapping(work.toString(), "/aml/code")));
        try (LoopbackPair pair = LoopbackPair.open()) {
            DapBridge bridge = new DapBridge(target, DapTrace.NONE, executor);
            InputStream fromClient = pair.right().getInputStream();
            OutputStream toClient = pair.right().getOutputStream();
            executor.execute(() -> {
                try {
                    bridge.run(fromClient, toClient);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            session(pair.left().getInputStream(), pair.left().getOutputStream(), "/aml/code/loop.py", stops, steps, samples);
        }
    }

    /** Attach, stop at the loop's breakpoint, time stops and steps, detach leaving the loop running. */
    static void session(InputStream in, OutputStream out, String path, int stops, int steps, Samples samples)
            throws Exception {
        Client client = new Client(new DapReader(in), new DapWriter(out));
        client.call("initialize", "{\"adapterID\":\"python\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
        client.send("attach", "{\"pathMappings\":[]}");
        client.awaitEvent("initialized");
        String source = "{\"source\":{\"path\":\"" + path + "\"},\"breakpoints\":";
        client.call("setBreakpoints", source + "[{\"line\":" + BREAK_LINE + "}]}");
        client.call("configurationDone", "{}");
        int thread = client.awaitEvent("stopped").get("body").get("threadId").asInt();
        client.call("setBreakpoints", source + "[]}");
        for (int i = 0; i < stops; i++) {
            long started = System.nanoTime();
            inspect(client, thread, samples);
            samples.add("stop", started);
        }
        int line = BREAK_LINE;
        for (int taken = 0; taken < steps; ) {
            long started = System.nanoTime();
            int sent = client.send("next", "{\"threadId\":" + thread + "}");
            client.awaitResponse(sent);
            thread = client.awaitEvent("stopped").get("body").get("threadId").asInt();
            int from = line;
            line = inspect(client, thread, null);
            if (from != SLEEP_LINE) {
                samples.add("step", started);
                taken++;
            }
        }
        client.call("disconnect", "{\"terminateDebuggee\":false}");
    }

    /** stackTrace + scopes + variables of the top frame; each timed on its own when samples is given. Returns the line. */
    static int inspect(Client client, int thread, Samples samples) throws Exception {
        long started = System.nanoTime();
        DapMessage stack = client.call("stackTrace", "{\"threadId\":" + thread + ",\"startFrame\":0,\"levels\":20}");
        JsonFrame top = new JsonFrame(stack.get("body").get("stackFrames").get(0).get("id").asInt(),
                stack.get("body").get("stackFrames").get(0).get("line").asInt());
        long stacked = System.nanoTime();
        DapMessage scopes = client.call("scopes", "{\"frameId\":" + top.id + "}");
        int reference = scopes.get("body").get("scopes").get(0).get("variablesReference").asInt();
        long scoped = System.nanoTime();
        client.call("variables", "{\"variablesReference\":" + reference + "}");
        if (samples != null) {
            samples.add("stackTrace", started, stacked);
            samples.add("scopes", stacked, scoped);
            samples.add("variables", scoped);
        }
        return top.line;
    }

    record JsonFrame(int id, int line) {
    }

    static void report(Map<String, Samples> paths) {
        Samples stock = paths.values().iterator().next();
        System.out.println("| path | measure | p50 (ms) | p99 (ms) | samples | p50 vs stock |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, Samples> path : paths.entrySet()) {
            for (String measure : MEASURES) {
                List<Double> values = path.getValue().get(measure);
                System.out.printf("| %s | %s | %.2f | %.2f | %d | %.3f |%n", path.getKey(), measure, percentile(values, 0.5),
                        percentile(values, 0.99), values.size(), percentile(values, 0.5) / percentile(stock.get(measure), 0.5));
            }
        }
        Samples bridged = paths.get("through the bridge");
        Samples direct = paths.get("direct to container");
        System.out.printf("%nbridge vs direct, stop p50: ratio %.3f, added %.3f ms per request%n",
                percentile(bridged.get("stop"), 0.5) / percentile(direct.get("stop"), 0.5),
                (percentile(bridged.get("stop"), 0.5) - percentile(direct.get("stop"), 0.5)) / 3);
        System.out.printf("target through the bridge at p50: stackTrace %.2f < 5, scopes %.2f < 5, variables %.2f < 25 ms: %s%n",
                percentile(bridged.get("stackTrace"), 0.5), percentile(bridged.get("scopes"), 0.5),
                percentile(bridged.get("variables"), 0.5),
                percentile(bridged.get("stackTrace"), 0.5) < 5 && percentile(bridged.get("scopes"), 0.5) < 5
                        && percentile(bridged.get("variables"), 0.5) < 25 ? "met" : "NOT met");
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** Milliseconds per measure of one path. */
    static final class Samples {
        private final Map<String, List<Double>> byMeasure = new LinkedHashMap<>();

        void add(String measure, long startedNanos) {
            add(measure, startedNanos, System.nanoTime());
        }

        void add(String measure, long startedNanos, long endedNanos) {
            byMeasure.computeIfAbsent(measure, m -> new ArrayList<>()).add((endedNanos - startedNanos) / 1e6);
        }

        List<Double> get(String measure) {
            return byMeasure.getOrDefault(measure, List.of());
        }
    }

    /** A minimal synchronous DAP client: events that arrive while waiting for a response are kept for awaitEvent. */
    static final class Client {
        private final DapReader reader;
        private final DapWriter writer;
        private final List<DapMessage> events = new ArrayList<>();
        private int seq;

        Client(DapReader reader, DapWriter writer) {
            this.reader = reader;
            this.writer = writer;
        }

        int send(String command, String arguments) throws Exception {
            seq++;
            writer.write(("{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":"
                    + arguments + "}").getBytes(StandardCharsets.UTF_8));
            return seq;
        }

        DapMessage call(String command, String arguments) throws Exception {
            return awaitResponse(send(command, arguments));
        }

        DapMessage awaitResponse(int sent) throws Exception {
            while (true) {
                DapMessage message = DapMessage.parse(reader.read());
                if (message.isResponse() && message.get("request_seq").asInt() == sent) {
                    return message;
                }
                if (message.isEvent("stopped") || message.isEvent("initialized")) {
                    events.add(message);
                }
            }
        }

        DapMessage awaitEvent(String name) throws Exception {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).isEvent(name)) {
                    return events.remove(i);
                }
            }
            while (true) {
                DapMessage message = DapMessage.parse(reader.read());
                if (message.isEvent(name)) {
                    return message;
                }
            }
        }
    }
}
