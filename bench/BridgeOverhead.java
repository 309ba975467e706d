/*
 * Stops and steps through the DAP bridge into a container: stock debugpy against the debug shim (its fast-stop and
 * TCP_NODELAY patches), side by side in one run.
 *
 *   stock    a container of aml-debug/python:bookworm running python3 -m debugpy --listen 0.0.0.0:5678 --wait-for-client
 *   shim     the same image running python3 /aml/debug/aml_debug_shim.py --listen 0.0.0.0:5678 -- loop.py, with the
 *            shim's folder (DebugShim.folder) mounted read-only at /aml/debug
 *
 * Both publish 5678 on 127.0.0.1 only and mount the script's folder at /aml/code. Each session goes through an
 * in-process DapBridge (what `aml-debug dap` and the editor use), attaches, stops at a breakpoint in a loop, and
 * then times
 *   a stop: stackTrace + scopes + variables, one after the other (and each request on its own);
 *   a step: next until its stopped event; "step+stop" is that step and then a stop (what earlier versions called a step).
 * Sessions alternate between the two paths. It reports p50 and p90 (and p99) per path, the ratio stock/shim of the
 * p50s, and the targets (a stop at most 5 ms, a step at most 15 ms at p50 through the bridge). Run from the repository
 * root, after `mvn -B -o -q package -pl server -am -DskipTests`, with Docker up:
 *
 *   java -cp server/target/aml-debug.jar bench/BridgeOverhead.java [stops-per-session] [steps-per-session] [sessions-per-path]
 *
 * Defaults: 100 100 2, so 200 stops and 200 steps per path (2 to 3 minutes, nearly all of it stock debugpy). The
 * containers carry the label dev.amldebug.bench=1 and are removed at the end.
 */
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import dev.amldebug.runner.debug.DebugShim;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    static final String IMAGE = "aml-debug/python:bookworm";
    static final String LABEL = "dev.amldebug.bench=1";
    static final String[] MEASURES = {"stop", "stackTrace", "scopes", "variables", "step", "step+stop"};
    static final double STOP_TARGET = 5;
    static final double STEP_TARGET = 15;

    public static void main(String[] args) throws Exception {
        int stops = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("aml-debug-bench");
        Path script = Files.writeString(work.resolve("loop.py"), SCRIPT);
        Path shim = DebugShim.folder(work.resolve("cache"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService executor = Executors.newCachedThreadPool();
        List<String> containers = new ArrayList<>();
        try {
            String stockName = "aml-debug-bench-stops-stock-" + tag;
            String shimName = "aml-debug-bench-stops-shim-" + tag;
            containers.add(stockName);
            int stockPort = startContainer(stockName, work, null,
                    "python3 -m debugpy --listen 0.0.0.0:5678 --wait-for-client loop.py");
            containers.add(shimName);
            int shimPort = startContainer(shimName, work, shim,
                    "python3 /aml/debug/aml_debug_shim.py --listen 0.0.0.0:5678 -- loop.py");
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("stock debugpy", stockPort);
            ports.put("aml-debug shim", shimPort);
            Map<String, Samples> paths = new LinkedHashMap<>();
            for (String path : ports.keySet()) {
                paths.put(path, new Samples());
                waitForDebugpy("127.0.0.1", ports.get(path));
            }
            for (int i = 0; i < sessions; i++) {
                // Alternate which path goes first, so that neither always follows the other.
                List<String> order = new ArrayList<>(ports.keySet());
                if (i % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String path : order) {
                    bridgedSession("127.0.0.1", ports.get(path), script, executor, stops, steps, paths.get(path));
                }
            }
            report(paths);
        } finally {
            for (String name : containers) {
                new ProcessBuilder("docker", "rm", "-f", name).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            executor.shutdownNow();
        }
    }

    /** A labelled container running the loop with 5678 published on 127.0.0.1; returns the published port. */
    static int startContainer(String name, Path work, Path shim, String command) throws Exception {
        List<String> docker = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--label", LABEL,
                "-p", "127.0.0.1::5678", "-e", "PYDEVD_DISABLE_FILE_VALIDATION=1",
                "-v", work + ":/aml/code:ro", "-w", "/aml/code"));
        if (shim != null) {
            docker.addAll(List.of("-v", shim + ":/aml/debug:ro"));
        }
        docker.addAll(List.of(IMAGE, "sh", "-c", "exec " + command));
        Process run = new ProcessBuilder(docker).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IllegalStateException("docker run failed:\n" + output);
        }
        Process port = new ProcessBuilder("docker", "port", name, "5678/tcp").redirectErrorStream(true).start();
        String published = new String(port.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        port.waitFor();
        Matcher matcher = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(published);
        if (!matcher.find()) {
            throw new IllegalStateException("no published port for " + name + ": " + published);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A published port accepts before debugpy listens: wait until debugpy itself answers. */
    static void waitForDebugpy(String host, int port) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            try (Socket socket = new Socket(host, port)) {
                socket.setSoTimeout(5000);
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

    /**
     * A session through an in-process bridge whose target maps the script's folder to /aml/code. The client speaks in
     * local paths and leaves pathMappings out of its attach, as an editor does: the bridge adds the target's mappings
     * (AttachDefaults), and a breakpoint outside them never reaches debugpy (BreakpointsOutsideMappings).
     */
    static void bridgedSession(String host, int port, Path script, ExecutorService executor, int stops, int steps,
                               Samples samples) throws Exception {
        BridgeTarget target = BridgeTarget.of(host, port, List.of(new PathMapping(script.getParent().toString(), "/aml/code")));
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
            session(pair.left().getInputStream(), pair.left().getOutputStream(), script.toString(), stops, steps, samples);
        }
    }

    /** Attach, stop at the loop's breakpoint, time stops and steps, detach leaving the loop running. */
    static void session(InputStream in, OutputStream out, String path, int stops, int steps, Samples samples)
            throws Exception {
        Client client = new Client(new DapReader(in), new DapWriter(out));
        client.call("initialize", "{\"adapterID\":\"python\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
        client.send("attach", "{}");
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
            long stopped = System.nanoTime();
            int from = line;
            line = inspect(client, thread, null);
            if (from != SLEEP_LINE) {
                samples.add("step", started, stopped);
                samples.add("step+stop", started);
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
        Samples stock = paths.get("stock debugpy");
        Samples shim = paths.get("aml-debug shim");
        System.out.println("| path | measure | p50 (ms) | p90 (ms) | p99 (ms) | samples |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, Samples> path : paths.entrySet()) {
            for (String measure : MEASURES) {
                List<Double> values = path.getValue().get(measure);
                System.out.printf("| %s | %s | %.2f | %.2f | %.2f | %d |%n", path.getKey(), measure, percentile(values, 0.5),
                        percentile(values, 0.9), percentile(values, 0.99), values.size());
            }
        }
        System.out.println();
        for (String measure : MEASURES) {
            System.out.printf("stock / shim, %s p50: %.1f%n", measure,
                    percentile(stock.get(measure), 0.5) / percentile(shim.get(measure), 0.5));
        }
        double stop = percentile(shim.get("stop"), 0.5);
        double step = percentile(shim.get("step"), 0.5);
        System.out.printf("target through the bridge at p50: stop %.2f <= %.0f ms, step %.2f <= %.0f ms: %s%n", stop,
                STOP_TARGET, step, STEP_TARGET, stop <= STOP_TARGET && step <= STEP_TARGET ? "met" : "NOT met");
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
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
