/*
 * The DAP bridge's overhead: with the debuggee stopped at a breakpoint, N round trips of
 * stackTrace + scopes + variables, straight to debugpy and through the bridge, in
 * alternating sessions of the same run. Run from the repository root:
 *
 *   java -cp server/target/aml-debug.jar bench/BridgeOverhead.java [round-trips-per-session] [sessions-each]
 *
 * It starts a detached debug run of a small loop with `bin/aml-debug`, and cancels it at the end.
 */
import dev.amldebug.bridge.BridgeTarget;
import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.PathMapping;
import dev.amldebug.bridge.protocol.DapMessage;
import dev.amldebug.bridge.protocol.DapReader;
import dev.amldebug.bridge.protocol.DapWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BridgeOverhead {
    /** BENCH_CONTAINER_IP=1 talks to the container's own address instead of the published port (no docker-proxy). */
    static String HOST = "127.0.0.1";
    static final String SCRIPT = "import time\ncount = 0\nwhile True:\n    count += 1\n    time.sleep(0.01)\n";

    public static void main(String[] args) throws Exception {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("aml-debug-bench");
        Files.writeString(work.resolve("loop.py"), SCRIPT);
        Process start = new ProcessBuilder("bin/aml-debug", "run", work.resolve("loop.py").toString(), "-w", work.toString(),
                "--debug", "--no-wait", "--detach").redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        start.waitFor();
        Matcher endpoint = Pattern.compile("debugpy: 127\\.0\\.0\\.1:(\\d+)").matcher(output);
        Matcher run = Pattern.compile("run: (\\S+)").matcher(output);
        if (!endpoint.find() || !run.find()) {
            throw new IllegalStateException("could not start the debug run:\n" + output);
        }
        int port = Integer.parseInt(endpoint.group(1));
        if (System.getenv("BENCH_CONTAINER_IP") != null) {
            Process inspect = new ProcessBuilder("docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}",
                    "aml-debug-" + run.group(1)).start();
            HOST = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            port = 5678;
        }
        waitForDebugpy(port);
        List<Double> direct = new ArrayList<>();
        List<Double> bridged = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                try (Socket socket = connect(port)) {
                    direct.addAll(session(socket.getInputStream(), socket.getOutputStream(), roundTrips));
                }
                bridged.addAll(bridgedSession(port, work, roundTrips));
            }
        } finally {
            new ProcessBuilder("bin/aml-debug", "runs", "cancel", run.group(1), "-w", work.toString()).inheritIO().start().waitFor();
        }
        double directMedian = median(direct);
        double bridgedMedian = median(bridged);
        System.out.printf("| path | median round trip (ms) | p99 (ms) | samples |%n|---|---|---|---|%n");
        System.out.printf("| straight to debugpy | %.3f | %.3f | %d |%n", directMedian, percentile(direct, 0.99), direct.size());
        System.out.printf("| through the bridge | %.3f | %.3f | %d |%n", bridgedMedian, percentile(bridged, 0.99), bridged.size());
        System.out.printf("%nratio %.3f; added per request %.3f ms (a round trip is 3 requests)%n",
                bridgedMedian / directMedian, (bridgedMedian - directMedian) / 3);
    }

    /** Docker accepts on the published port before debugpy listens: wait until debugpy itself answers. */
    static void waitForDebugpy(int port) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = connect(port)) {
                Client client = new Client(new DapReader(socket.getInputStream()), new DapWriter(socket.getOutputStream()));
                client.call("initialize", "{\"adapterID\":\"python\"}");
                client.call("disconnect", "{\"terminateDebuggee\":false}");
                return;
            } catch (java.io.IOException | NullPointerException e) {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IllegalStateException("debugpy did not answer on port " + port);
    }

    static Socket connect(int port) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                Socket socket = new Socket(HOST, port);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (java.io.IOException e) {
                if (attempt > 100) {
                    throw e;
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    static List<Double> bridgedSession(int port, Path work, int roundTrips) throws Exception {
        BridgeTarget target = BridgeTarget.of(HOST, port, List.of(new PathMapping(work.toString(), "/aml/code")));
        try (LoopbackPair pair = LoopbackPair.open()) {
            DapBridge bridge = new DapBridge(target, DapTrace.NONE, java.util.concurrent.Executors.newCachedThreadPool());
            InputStream fromClient = pair.right().getInputStream();
            OutputStream toClient = pair.right().getOutputStream();
            Thread thread = new Thread(() -> {
                try {
                    bridge.run(fromClient, toClient);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.setDaemon(true);
            thread.start();
            return session(pair.left().getInputStream(), pair.left().getOutputStream(), roundTrips);
        }
    }

    /** Attach, stop at the loop's breakpoint, time the round trips, detach leaving the loop running. */
    static List<Double> session(InputStream in, OutputStream out, int roundTrips) throws Exception {
        Client client = new Client(new DapReader(in), new DapWriter(out));
        client.call("initialize", "{\"adapterID\":\"python\",\"linesStartAt1\":true,\"pathFormat\":\"path\"}");
        client.send("attach", "{\"pathMappings\":[]}");
        client.awaitEvent("initialized");
        client.call("setBreakpoints", "{\"source\":{\"path\":\"/aml/code/loop.py\"},\"breakpoints\":[{\"line\":4}]}");
        client.call("configurationDone", "{}");
        int thread = client.awaitEvent("stopped").get("body").get("threadId").asInt();
        client.call("setBreakpoints", "{\"source\":{\"path\":\"/aml/code/loop.py\"},\"breakpoints\":[]}");
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < roundTrips; i++) {
            long started = System.nanoTime();
            DapMessage stack = client.call("stackTrace", "{\"threadId\":" + thread + ",\"levels\":1}");
            int frame = stack.get("body").get("stackFrames").get(0).get("id").asInt();
            DapMessage scopes = client.call("scopes", "{\"frameId\":" + frame + "}");
            int reference = scopes.get("body").get("scopes").get(0).get("variablesReference").asInt();
            client.call("variables", "{\"variablesReference\":" + reference + "}");
            samples.add((System.nanoTime() - started) / 1e6);
            if (System.getenv("BENCH_DEBUG") != null) {
                System.err.println("round trip " + i);
            }
        }
        client.call("disconnect", "{\"terminateDebuggee\":false}");
        return samples;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** A minimal synchronous DAP client: events that arrive while waiting for a response are skipped. */
    static final class Client {
        private final DapReader reader;
        private final DapWriter writer;
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
            int sent = send(command, arguments);
            while (true) {
                DapMessage message = DapMessage.parse(reader.read());
                if (message.isResponse() && message.get("request_seq").asInt() == sent) {
                    return message;
                }
            }
        }

        DapMessage awaitEvent(String name) throws Exception {
            while (true) {
                DapMessage message = DapMessage.parse(reader.read());
                if (message.isEvent(name)) {
                    return message;
                }
            }
        }
    }
}
